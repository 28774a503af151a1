package io.dossiersync.http;

import io.dossiersync.core.transport.TransportOutcome;
import java.time.Duration;
import java.util.Optional;
import org.mockserver.model.Header;

/**
 * One row of the §4.1 table as the receiver plays it: status, headers, body, and the expected
 * classification. {@code retryAfter} is null when a row does not care about the delay.
 */
record AnswerRow(
    String name,
    int status,
    String body,
    Header[] headers,
    TransportOutcome outcome,
    String reason,
    Optional<Duration> retryAfter) {

  static AnswerRow of(
      String name, int status, String body, TransportOutcome outcome, String reason) {
    return new AnswerRow(name, status, body, new Header[0], outcome, reason, null);
  }

  static AnswerRow of(
      String name,
      int status,
      String body,
      TransportOutcome outcome,
      String reason,
      Optional<Duration> retryAfter,
      Header... headers) {
    return new AnswerRow(name, status, body, headers, outcome, reason, retryAfter);
  }

  /** An answer with no body whose {@code Retry-After} header asks for {@code retryAfter}: RETRY. */
  static AnswerRow retryAfterHeader(
      String name, int status, String reason, String header, Duration retryAfter) {
    return of(
        name,
        status,
        "",
        TransportOutcome.RETRY,
        reason,
        Optional.of(retryAfter),
        new Header("Retry-After", header));
  }

  @Override
  public String toString() {
    return name;
  }
}
