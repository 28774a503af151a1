package io.dossiersync.core.queue;

/**
 * A {@link QueueStore} could not do what was asked: the file is unusable (corrupt, not a database,
 * written by a newer version) or could not be read or written. The message names the file and says
 * what to do; the cause, if any, is the underlying driver error.
 *
 * @since 0.1.0
 */
public class QueueStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong and what to do, naming the file
   */
  public QueueStoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong and what to do, naming the file
   * @param cause the underlying error
   */
  public QueueStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
