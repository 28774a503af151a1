package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the drains recorded in the queue file about delivery (PRODUCT.md §3, §6 {@code status}), so
 * that every process sharing the file sees it: a drainer that died shows as a heartbeat that
 * stopped, a receiver that fails shows as a last error and an old last delivery.
 *
 * @param lastDeliveryAt when a task was last delivered (sent, uploaded or already on the receiver);
 *     empty when none was ever recorded
 * @param lastAttemptAt when a task was last tried, delivered or not; empty when none was
 * @param lastError the error of the last round that had one, one line without token or body; empty
 *     when none, or when a later round delivered without an error
 * @param drainerHeartbeatAt when a drain last finished a round, whether or not it had work
 * @since 0.1.0
 */
public record QueueHealth(
    Optional<Instant> lastDeliveryAt,
    Optional<Instant> lastAttemptAt,
    Optional<String> lastError,
    Optional<Instant> drainerHeartbeatAt) {

  /** The longest {@link #lastError} kept, in characters. */
  public static final int MAX_ERROR_LENGTH = 300;

  /** Checks that no field is null and that the error is one line of at most 300 characters. */
  public QueueHealth {
    Objects.requireNonNull(lastDeliveryAt, "lastDeliveryAt");
    Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(drainerHeartbeatAt, "drainerHeartbeatAt");
    lastError = lastError.map(QueueHealth::oneLine);
  }

  /**
   * Nothing recorded yet: a new queue file, or one no drain has used.
   *
   * @return the empty health
   */
  public static QueueHealth none() {
    return new QueueHealth(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Folds one drain round into this health: the round's times replace older ones; its error, if
   * any, becomes the last error; a round that delivered without error clears it.
   *
   * @param update what one round did
   * @return the health after that round
   */
  public QueueHealth plus(HealthUpdate update) {
    Objects.requireNonNull(update, "update");
    Optional<String> error =
        update.error().isPresent()
            ? update.error()
            : update.deliveredAt().isPresent() ? Optional.empty() : lastError;
    return new QueueHealth(
        update.deliveredAt().or(() -> lastDeliveryAt),
        update.attemptedAt().or(() -> lastAttemptAt),
        error,
        Optional.of(update.heartbeatAt()));
  }

  /** Newlines become spaces; longer text is cut and ends with an ellipsis. */
  static String oneLine(String text) {
    String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
    return line.length() <= MAX_ERROR_LENGTH
        ? line
        : line.substring(0, MAX_ERROR_LENGTH - 1) + "\u2026";
  }
}
