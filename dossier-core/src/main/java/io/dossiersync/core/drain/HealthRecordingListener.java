package io.dossiersync.core.drain;

import io.dossiersync.core.queue.HealthRecords;
import io.dossiersync.core.queue.HealthUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DrainListener} that records a drain's health in the queue store ({@link
 * io.dossiersync.core.queue.QueueStore#health()}): the times of the last attempt and the last
 * delivery, the last error and the drainer's heartbeat. Task results are only noted in memory; each
 * {@link #onDrain} writes them once, so a round costs one small write however many tasks it sent,
 * and a round with nothing to do still writes the heartbeat.
 *
 * <p>Compose it in where the engine is built, next to the host's own listener:
 *
 * <pre>{@code
 * DrainEngine.builder()
 *     .queueStore(store)
 *     .listener(myListener.and(new HealthRecordingListener(store.health(), clock)))
 *     ...
 * }</pre>
 *
 * <p>The recorded error is the task's reason code and detail plus its kind and path: never a token
 * or a body ({@link TaskResult} holds neither). Thread-safe: results arrive from several worker
 * threads. A store that cannot be written throws from {@link #onDrain}, which the drain logs and
 * ignores.
 *
 * @since 0.1.0
 */
public final class HealthRecordingListener implements DrainListener {

  private final HealthRecords health;
  private final Clock clock;
  private Optional<Instant> attemptedAt = Optional.empty();
  private Optional<Instant> deliveredAt = Optional.empty();
  private Optional<String> error = Optional.empty();

  /**
   * A listener recording into {@code health}.
   *
   * @param health where to record, usually {@code store.health()}
   * @param clock the clock of the drain
   */
  public HealthRecordingListener(HealthRecords health, Clock clock) {
    this.health = Objects.requireNonNull(health, "health");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void onTask(TaskResult result) {
    if (result.status() == TaskStatus.RELEASED) {
      return;
    }
    Instant now = clock.instant();
    synchronized (this) {
      attemptedAt = Optional.of(now);
      switch (result.status()) {
        case SENT, UPLOADED, ALREADY_EXISTS -> deliveredAt = Optional.of(now);
        default ->
            error =
                Optional.of(
                    result.reason()
                        + " ("
                        + result.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " "
                        + result.artifactPath()
                        + ")");
      }
    }
  }

  @Override
  public void onDrain(DrainReport report) {
    HealthUpdate update;
    synchronized (this) {
      update = new HealthUpdate(clock.instant(), attemptedAt, deliveredAt, error);
      attemptedAt = Optional.empty();
      deliveredAt = Optional.empty();
      error = Optional.empty();
    }
    health.record(update);
  }
}
