package io.dossiersync.core.transport;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The classified answer to one event batch.
 *
 * @param outcome how the batch as a whole ended
 * @param results per-event verdicts when {@code outcome} is {@link TransportOutcome#DELIVERED},
 *     else empty
 * @param httpStatus the HTTP status, or 0 when no answer arrived
 * @param reason a reason code as for {@link PushResult#reason()}
 * @param retryAfter the minimum delay the receiver asked for, if any
 * @since 0.1.0
 */
public record EventBatchResult(
    TransportOutcome outcome,
    List<EventResult> results,
    int httpStatus,
    String reason,
    Optional<Duration> retryAfter) {

  /** Copies the list and checks that no field is null. */
  public EventBatchResult {
    Objects.requireNonNull(outcome, "outcome");
    results = List.copyOf(results);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /**
   * A delivered batch.
   *
   * @param results the per-event verdicts
   * @return the result
   */
  public static EventBatchResult delivered(List<EventResult> results) {
    return new EventBatchResult(
        TransportOutcome.DELIVERED, results, 200, "delivered", Optional.empty());
  }

  /**
   * A batch that was not delivered as a whole.
   *
   * @param outcome any value but DELIVERED
   * @param httpStatus the status, or 0
   * @param reason the reason code
   * @param retryAfter the delay asked for, if any
   * @return the result
   */
  public static EventBatchResult notDelivered(
      TransportOutcome outcome, int httpStatus, String reason, Optional<Duration> retryAfter) {
    if (outcome == TransportOutcome.DELIVERED) {
      throw new IllegalArgumentException("use delivered(results) for a delivered batch");
    }
    return new EventBatchResult(outcome, List.of(), httpStatus, reason, retryAfter);
  }
}
