package io.dossiersync.core.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The classified answer to one push-content request.
 *
 * <p>{@code reason} is a reason code, optionally followed by {@code ": "} and a detail: {@code
 * stored}, {@code already_exists}, {@code index_entry_not_found}, {@code namespace_not_found},
 * {@code validation_error: ...}, {@code unauthorized}, {@code rate_limited}, {@code http_503},
 * {@code not_found} (bare 404), {@code timeout: ...}, {@code connection_error: ...}, {@code
 * malformed_response: ...}, {@code redirect: <location>}, {@code unexpected_status: <n>}.
 *
 * @param outcome the classification
 * @param httpStatus the HTTP status, or 0 when no answer arrived
 * @param reason the reason code and detail
 * @param retryAfter the minimum delay the receiver asked for (429 or 503), if any
 * @since 0.1.0
 */
public record PushResult(
    TransportOutcome outcome, int httpStatus, String reason, Optional<Duration> retryAfter) {

  /** Checks that no field is null. */
  public PushResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /**
   * A result without a Retry-After.
   *
   * @param outcome the classification
   * @param httpStatus the status or 0
   * @param reason the reason code
   * @return the result
   */
  public static PushResult of(TransportOutcome outcome, int httpStatus, String reason) {
    return new PushResult(outcome, httpStatus, reason, Optional.empty());
  }

  /**
   * A retryable result for a failure that produced no HTTP answer (timeout, reset, DNS).
   *
   * @param reason the reason code and detail
   * @return the result
   */
  public static PushResult networkError(String reason) {
    return new PushResult(TransportOutcome.RETRY, 0, reason, Optional.empty());
  }
}
