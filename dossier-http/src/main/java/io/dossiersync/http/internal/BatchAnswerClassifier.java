package io.dossiersync.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.core.transport.TransportOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Classifies an answer to {@code POST /api/v1/events/batch/} (PRODUCT.md §4.2). Pure and total.
 *
 * <p>A 2xx must carry {@code {"results":[{"event_id","status","error"}...]}} with every status one
 * of {@code success}, {@code duplicate}, {@code rejected}; anything else (an unknown status, a
 * missing id, not JSON) retries the whole batch as {@code malformed_response}, so no event is
 * dropped or failed on a misread answer. 401 is {@code UNAUTHORIZED}; 413 is {@code TOO_LARGE}
 * ({@code payload_too_large}); 400 is {@code INVALID} ({@code validation_error[: detail]}); 404
 * with or without a body, 408, 429 and 5xx are {@code RETRY} (429 and 503 with the delay asked
 * for); a 3xx is {@code UNEXPECTED_STATUS} naming the location; every other status is {@code
 * UNEXPECTED_STATUS} ({@code unexpected_status: N}).
 */
public final class BatchAnswerClassifier {

  private BatchAnswerClassifier() {}

  /**
   * Classifies one answer.
   *
   * @param answer the status, headers and body received
   * @param now the current instant, for an HTTP-date {@code Retry-After}
   * @return the classified result
   */
  public static EventBatchResult classify(ReceivedAnswer answer, Instant now) {
    int status = answer.status();
    if (answer.isSuccess()) {
      return delivered(answer);
    }
    if (answer.isRedirect()) {
      return failed(TransportOutcome.UNEXPECTED_STATUS, status, answer.redirectReason());
    }
    Optional<ErrorBody> body = ErrorBodyParser.parse(answer.body());
    switch (status) {
      case 401:
        return failed(TransportOutcome.UNAUTHORIZED, status, "unauthorized");
      case 413:
        return failed(TransportOutcome.TOO_LARGE, status, "payload_too_large");
      case 400:
        return failed(
            TransportOutcome.INVALID,
            status,
            "validation_error" + body.flatMap(ErrorBody::detail).map(d -> ": " + d).orElse(""));
      case 404:
        return failed(
            TransportOutcome.RETRY,
            status,
            "not_found"
                + body.flatMap(ErrorBody::error)
                    .map(e -> ": " + ErrorBodyParser.oneLine(e))
                    .orElse(""));
      case 408:
        return failed(TransportOutcome.RETRY, status, "http_408");
      case 429:
        return EventBatchResult.notDelivered(
            TransportOutcome.RETRY,
            status,
            "rate_limited",
            PushAnswerClassifier.delay(answer, body, now));
      default:
        if (status >= 500 && status < 600) {
          return EventBatchResult.notDelivered(
              TransportOutcome.RETRY,
              status,
              "http_" + status,
              status == 503 ? PushAnswerClassifier.delay(answer, body, now) : Optional.empty());
        }
        return failed(TransportOutcome.UNEXPECTED_STATUS, status, "unexpected_status: " + status);
    }
  }

  private static EventBatchResult delivered(ReceivedAnswer answer) {
    int status = answer.status();
    Optional<JsonNode> object = ErrorBodyParser.readObject(answer.body());
    JsonNode results = object.map(o -> o.get("results")).orElse(null);
    if (results == null || !results.isArray()) {
      return malformed(status, "no results list");
    }
    List<EventResult> out = new ArrayList<>(results.size());
    for (JsonNode item : results) {
      Optional<EventResult> result = result(item);
      if (result.isEmpty()) {
        return malformed(status, "unreadable result " + ErrorBodyParser.oneLine(item.toString()));
      }
      out.add(result.get());
    }
    return new EventBatchResult(
        TransportOutcome.DELIVERED, out, status, "delivered", Optional.empty());
  }

  private static Optional<EventResult> result(JsonNode item) {
    JsonNode id = item.get("event_id");
    JsonNode status = item.get("status");
    if (!item.isObject()
        || id == null
        || !id.isTextual()
        || id.asText().isBlank()
        || status == null
        || !status.isTextual()) {
      return Optional.empty();
    }
    return statusOf(status.asText()).map(s -> new EventResult(id.asText(), s, error(item)));
  }

  private static Optional<EventResultStatus> statusOf(String text) {
    switch (text) {
      case "success":
        return Optional.of(EventResultStatus.SUCCESS);
      case "duplicate":
        return Optional.of(EventResultStatus.DUPLICATE);
      case "rejected":
        return Optional.of(EventResultStatus.REJECTED);
      default:
        return Optional.empty();
    }
  }

  private static Optional<String> error(JsonNode item) {
    JsonNode error = item.get("error");
    if (error == null || error.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        ErrorBodyParser.oneLine(error.isTextual() ? error.asText() : error.toString()));
  }

  private static EventBatchResult malformed(int status, String what) {
    return failed(TransportOutcome.RETRY, status, "malformed_response: " + status + " " + what);
  }

  private static EventBatchResult failed(TransportOutcome outcome, int status, String reason) {
    return EventBatchResult.notDelivered(outcome, status, reason, Optional.empty());
  }
}
