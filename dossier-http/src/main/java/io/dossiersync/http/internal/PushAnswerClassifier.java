package io.dossiersync.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TransportOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Classifies an answer to {@code POST /api/dossier/push-content/} by the table of PRODUCT.md §4.1.
 * Pure and total: any status and any body (HTML, a JSON list, nothing) gives a result, never an
 * exception. Thread-safe.
 *
 * <p>A 2xx is judged by its body's {@code status} ({@code stored} → uploaded, {@code
 * already_exists} → already exists); a 2xx whose body says neither is retried as {@code
 * malformed_response}, since the body may or may not have been stored. A 404 is judged by its
 * body's {@code error} field, never by the status alone.
 */
public final class PushAnswerClassifier {

  private PushAnswerClassifier() {}

  /**
   * Classifies one answer.
   *
   * @param answer the status, headers and body received
   * @param now the current instant, for an HTTP-date {@code Retry-After}
   * @return the classified result
   */
  public static PushResult classify(ReceivedAnswer answer, Instant now) {
    int status = answer.status();
    if (answer.isSuccess()) {
      return success(status, ErrorBodyParser.readObject(answer.body()));
    }
    Optional<ErrorBody> body = ErrorBodyParser.parse(answer.body());
    if (answer.isRedirect()) {
      return PushResult.of(TransportOutcome.FAILED, status, answer.redirectReason());
    }
    switch (status) {
      case 400:
        return PushResult.of(
            TransportOutcome.FAILED,
            status,
            "validation_error" + body.flatMap(ErrorBody::detail).map(d -> ": " + d).orElse(""));
      case 401:
        return PushResult.of(TransportOutcome.UNAUTHORIZED, status, "unauthorized");
      case 404:
        return notFound(body.flatMap(ErrorBody::error));
      case 429:
        return new PushResult(
            TransportOutcome.RETRY, status, "rate_limited", delay(answer, body, now));
      case 503:
        return new PushResult(TransportOutcome.RETRY, status, "http_503", delay(answer, body, now));
      default:
        if (status >= 500 && status < 600) {
          return PushResult.of(TransportOutcome.RETRY, status, "http_" + status);
        }
        return PushResult.of(TransportOutcome.FAILED, status, "unexpected_status: " + status);
    }
  }

  /** A 2xx, judged by its body's {@code status} alone (no error detail is built for it). */
  private static PushResult success(int status, Optional<JsonNode> body) {
    if (body.isEmpty()) {
      return PushResult.of(
          TransportOutcome.RETRY,
          status,
          "malformed_response: " + status + " without a JSON object");
    }
    JsonNode field = body.get().get("status");
    Optional<String> said =
        field != null && field.isTextual() ? Optional.of(field.asText()) : Optional.empty();
    if (said.equals(Optional.of("stored"))) {
      return PushResult.of(TransportOutcome.DELIVERED, status, "stored");
    }
    if (said.equals(Optional.of("already_exists"))) {
      return PushResult.of(TransportOutcome.ALREADY_EXISTS, status, "already_exists");
    }
    return PushResult.of(
        TransportOutcome.RETRY,
        status,
        "malformed_response: "
            + status
            + " with status "
            + said.map(s -> "'" + ErrorBodyParser.oneLine(s) + "'").orElse("missing"));
  }

  private static PushResult notFound(Optional<String> error) {
    if (error.equals(Optional.of("index_entry_not_found"))) {
      return PushResult.of(TransportOutcome.RETRY, 404, "index_entry_not_found");
    }
    if (error.equals(Optional.of("namespace_not_found"))) {
      return PushResult.of(TransportOutcome.FAILED, 404, "namespace_not_found");
    }
    return PushResult.of(
        TransportOutcome.RETRY,
        404,
        "not_found" + error.map(e -> ": " + ErrorBodyParser.oneLine(e)).orElse(""));
  }

  /**
   * The delay the receiver asked for: the longer of the body's {@code retry_after} and the {@code
   * Retry-After} header.
   *
   * @param answer the answer
   * @param body its parsed body, if any
   * @param now the current instant
   * @return the delay, or empty when neither is present and valid
   */
  public static Optional<Duration> delay(
      ReceivedAnswer answer, Optional<ErrorBody> body, Instant now) {
    Optional<Duration> header = answer.retryAfter().flatMap(v -> RetryAfterParser.header(v, now));
    return RetryAfterParser.longest(body.flatMap(ErrorBody::retryAfter), header);
  }
}
