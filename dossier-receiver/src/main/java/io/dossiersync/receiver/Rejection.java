package io.dossiersync.receiver;

/**
 * A request the receiver refuses: the status, the answer code and the JSON body to send. Thrown
 * inside the receiver only; never crosses its boundary.
 */
final class Rejection extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String answer;
  private final transient byte[] body;

  private Rejection(int status, String answer, byte[] body) {
    super(answer, null, false, false);
    this.status = status;
    this.answer = answer;
    this.body = body;
  }

  static Rejection validation(String detail) {
    return new Rejection(400, "validation_error", Json.error("validation_error", detail));
  }

  static Rejection notFound(String error) {
    return new Rejection(404, error, Json.error(error));
  }

  Answer toAnswer() {
    return Answer.json(status, answer, body);
  }
}
