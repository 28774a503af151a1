package io.dossiersync.core.transport;

/**
 * A token file that cannot be used: missing, unreadable, not a regular file (a FIFO, a device, a
 * directory), larger than 1 MiB, or holding text that is not a token. Thrown by {@link
 * TokenProvider#fromFile(java.nio.file.Path)} when the provider is made; the message is one line
 * naming the file and what is wrong, and never contains the file's content.
 *
 * @since 0.1.0
 */
public final class TokenFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the file and the problem
   */
  public TokenFileException(String message) {
    super(message);
  }
}
