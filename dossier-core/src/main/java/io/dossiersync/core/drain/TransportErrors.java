package io.dossiersync.core.drain;

/** The reason recorded when a transport throws instead of classifying an answer. */
final class TransportErrors {

  private static final int MAX_MESSAGE = 200;

  private TransportErrors() {}

  /**
   * The retryable reason for an exception.
   *
   * @return {@code transport_error: <class>: <message>}, the message cut to 200 characters
   */
  static String reason(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "...";
    }
    String type = e.getClass().getSimpleName();
    return "transport_error: " + (type.isEmpty() ? e.getClass().getName() : type) + ": " + message;
  }
}
