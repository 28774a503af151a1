package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one drain round tells the queue's health ({@link QueueHealth#plus}).
 *
 * @param heartbeatAt when the round ended: the drainer's heartbeat
 * @param attemptedAt when the round last tried a task; empty when it tried none
 * @param deliveredAt when the round last delivered a task; empty when it delivered none
 * @param error the round's last error, one line without token or body; empty when it had none
 * @since 0.1.0
 */
public record HealthUpdate(
    Instant heartbeatAt,
    Optional<Instant> attemptedAt,
    Optional<Instant> deliveredAt,
    Optional<String> error) {

  /** Checks that no field is null. */
  public HealthUpdate {
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    Objects.requireNonNull(attemptedAt, "attemptedAt");
    Objects.requireNonNull(deliveredAt, "deliveredAt");
    Objects.requireNonNull(error, "error");
  }

  /**
   * A heartbeat alone: a round that had nothing to do.
   *
   * @param at when the round ended
   * @return the update
   */
  public static HealthUpdate heartbeat(Instant at) {
    return new HealthUpdate(at, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
