package io.dossiersync.core.checkout;

/**
 * A namespace could not be read from a spec-kitty checkout: a file is missing or unparsable, or a
 * field is absent, blank or of the wrong type. The message names the file and the field and says
 * which explicit value would help.
 *
 * @since 0.1.0
 */
public class CheckoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, naming the file and the field
   */
  public CheckoutException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what is wrong, naming the file and the field
   * @param cause the parser or I/O error
   */
  public CheckoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
