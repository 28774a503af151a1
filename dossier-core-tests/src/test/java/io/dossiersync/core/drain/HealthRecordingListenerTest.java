package io.dossiersync.core.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.QueueHealth;
import io.dossiersync.testkit.MutableClock;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HealthRecordingListenerTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final NamespaceRef NS =
      new NamespaceRef(
          "5f0c2a8e-3d4b-4e6f-9a1b-2c3d4e5f6a7b", "047-x", "main", "software-dev", "1");
  private static final DrainReport REPORT =
      new DrainReport(new TreeSet<>(), 0, 0, 0, 1, 0, 0, 0, 0, false, false, 0, 0, 0);

  private final InMemoryQueueStore store = InMemoryQueueStore.create();
  private final MutableClock clock = MutableClock.at(T0);
  private final HealthRecordingListener listener =
      new HealthRecordingListener(store.health(), clock);

  private static TaskResult result(TaskStatus status, String reason) {
    return new TaskResult(
        TaskKind.BODY,
        "1",
        NS,
        "spec.md",
        Optional.empty(),
        status,
        reason,
        Optional.empty(),
        0,
        Duration.ZERO);
  }

  @Test
  void aRoundWithNothingToDoWritesOnlyTheHeartbeat() {
    listener.onDrain(REPORT);
    assertThat(store.health().read())
        .isEqualTo(
            new QueueHealth(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T0)));
  }

  @Test
  void resultsAreWrittenOncePerRoundWithTheErrorNamingTheTask() {
    listener.onTask(result(TaskStatus.UPLOADED, "stored"));
    assertThat(store.health().read()).isEqualTo(QueueHealth.none());
    clock.set(T0.plusSeconds(1));
    listener.onTask(result(TaskStatus.RETRY, "http_503"));
    listener.onTask(result(TaskStatus.RELEASED, "released"));
    clock.set(T0.plusSeconds(2));
    listener.onDrain(REPORT);
    assertThat(store.health().read())
        .isEqualTo(
            new QueueHealth(
                Optional.of(T0),
                Optional.of(T0.plusSeconds(1)),
                Optional.of("http_503 (body spec.md)"),
                Optional.of(T0.plusSeconds(2))));

    clock.set(T0.plusSeconds(3));
    listener.onTask(result(TaskStatus.ALREADY_EXISTS, "already_exists"));
    listener.onDrain(REPORT);
    QueueHealth after = store.health().read();
    assertThat(after.lastDeliveryAt()).contains(T0.plusSeconds(3));
    assertThat(after.lastError()).isEmpty();
  }
}
