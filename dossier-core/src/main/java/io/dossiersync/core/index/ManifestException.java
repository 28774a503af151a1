package io.dossiersync.core.index;

/**
 * An expected-artifact manifest could not be read or is malformed. The message names the file (or
 * resource) and, when known, the field.
 *
 * @since 0.1.0
 */
public class ManifestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, naming the file and the field
   */
  public ManifestException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what is wrong, naming the file
   * @param cause the parser or I/O error
   */
  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
