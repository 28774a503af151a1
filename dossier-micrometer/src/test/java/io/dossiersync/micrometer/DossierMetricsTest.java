package io.dossiersync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.TaskKind;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.drain.TaskStatus;
import io.dossiersync.core.pipeline.SyncCounts;
import io.dossiersync.core.queue.BodyQueueStats;
import io.dossiersync.core.queue.EventQueueStats;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.testkit.MutableClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DossierMetricsTest {

  private static final NamespaceRef NAMESPACE =
      new NamespaceRef(
          "5f0c2a8e-3d4b-4e6f-9a1b-2c3d4e5f6a7b", "047-body-sync", "main", "software-dev", "1");
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MutableClock clock = MutableClock.at(T0);
  private final DossierMetrics metrics =
      DossierMetrics.create(registry, clock, Duration.ofSeconds(2));

  @Test
  void countsTaskResultsByKindStatusAndReasonCode() {
    twoBodiesStoredIn40And60Ms();
    metrics.onTask(body(TaskStatus.FAILED, "retry_ceiling: http_503", 503, Duration.ofMillis(5)));
    metrics.onTask(body(TaskStatus.RELEASED, "drain_stopped", 0, Duration.ZERO));
    metrics.onTask(event(TaskStatus.SENT, "success", 200, Duration.ofMillis(30)));

    assertThat(count("body", "uploaded", "stored")).isEqualTo(2.0);
    assertThat(count("body", "failed", "retry_ceiling")).isEqualTo(1.0);
    assertThat(count("body", "released", "drain_stopped")).isEqualTo(1.0);
    assertThat(count("event", "sent", "success")).isEqualTo(1.0);
  }

  @Test
  void timesEachRequestWithItsHttpStatusAndSkipsTasksThatSentNothing() {
    twoBodiesStoredIn40And60Ms();
    metrics.onTask(body(TaskStatus.RETRY, "http_503", 503, Duration.ofMillis(7)));
    metrics.onTask(body(TaskStatus.RELEASED, "drain_stopped", 0, Duration.ZERO));

    Timer stored =
        registry
            .get(DossierMetrics.REQUESTS)
            .tags("kind", "body", "status", "uploaded", "http_status", "201")
            .timer();
    assertThat(stored.count()).isEqualTo(2);
    assertThat(stored.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(100.0);
    assertThat(registry.get(DossierMetrics.REQUESTS).tags("http_status", "503").timer().count())
        .isEqualTo(1);
    assertThat(registry.find(DossierMetrics.REQUESTS).tags("status", "released").timer()).isNull();
  }

  @Test
  void countsRoundsAndWhatSyncsEnqueued() {
    metrics.onDrain(report(false));
    metrics.onDrain(report(true));
    metrics.onFeatureSynced(new SyncCounts(NAMESPACE, 15, 2, 0, 13, 1, 3, 0, 1, 0));

    assertThat(registry.get(DossierMetrics.ROUNDS).tag("auth_paused", "true").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get(DossierMetrics.ROUNDS).tag("auth_paused", "false").counter().count())
        .isEqualTo(1.0);
    assertThat(synced("event", "enqueued")).isEqualTo(15.0);
    assertThat(synced("event", "superseded")).isEqualTo(2.0);
    assertThat(synced("body", "enqueued")).isEqualTo(13.0);
    assertThat(synced("body", "already_queued")).isEqualTo(1.0);
    assertThat(synced("body", "superseded")).isEqualTo(3.0);
    assertThat(synced("body", "skipped")).isEqualTo(1.0);
  }

  @Test
  void gaugesReadTheStatsOncePerCachePeriodWhateverTheScrapes() {
    AtomicInteger reads = new AtomicInteger();
    AtomicReference<QueueStats> current =
        new AtomicReference<>(stats(4, 9, Duration.ofSeconds(90), 2));
    metrics.bindQueueStats(
        () -> {
          reads.incrementAndGet();
          return current.get();
        });

    assertThat(gauge(DossierMetrics.PENDING, "kind", "event")).isEqualTo(4.0);
    assertThat(gauge(DossierMetrics.PENDING, "kind", "body")).isEqualTo(9.0);
    assertThat(registry.get(DossierMetrics.OLDEST_AGE).gauge().value()).isEqualTo(90.0);
    assertThat(registry.get(DossierMetrics.FAILURES).gauge().value()).isEqualTo(2.0);
    assertThat(reads).hasValue(1);

    current.set(stats(0, 1, Duration.ZERO, 3));
    clock.advance(Duration.ofMillis(1_999));
    assertThat(gauge(DossierMetrics.PENDING, "kind", "body")).isEqualTo(9.0);
    assertThat(reads).hasValue(1);

    clock.advance(Duration.ofMillis(1));
    assertThat(gauge(DossierMetrics.PENDING, "kind", "body")).isEqualTo(1.0);
    assertThat(registry.get(DossierMetrics.FAILURES).gauge().value()).isEqualTo(3.0);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aFailingStatsReadKeepsTheLastValuesAndNeverThrowsIntoTheScrape() {
    AtomicReference<QueueStats> current = new AtomicReference<>();
    metrics.bindQueueStats(
        () -> {
          QueueStats stats = current.get();
          if (stats == null) {
            throw new QueueStoreException("queue file is locked");
          }
          return stats;
        });

    assertThat(gauge(DossierMetrics.PENDING, "kind", "body")).isNaN();
    current.set(stats(1, 5, Duration.ofSeconds(3), 0));
    clock.advance(Duration.ofSeconds(2));
    assertThat(gauge(DossierMetrics.PENDING, "kind", "body")).isEqualTo(5.0);
    current.set(null);
    clock.advance(Duration.ofSeconds(2));
    assertThat(gauge(DossierMetrics.PENDING, "kind", "body")).isEqualTo(5.0);
    assertThat(registry.get(DossierMetrics.OLDEST_AGE).gauge().value()).isEqualTo(3.0);
  }

  @Test
  void anEmptyQueueHasNoOldestAge() {
    metrics.bindQueueStats(() -> stats(0, 0, null, 0));
    assertThat(registry.get(DossierMetrics.OLDEST_AGE).gauge().value()).isZero();
  }

  @Test
  void rejectsACacheLongerThanAMinute() {
    assertThatThrownBy(() -> DossierMetrics.create(registry, clock, Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statsCacheFor");
    assertThat(DossierMetrics.create(registry)).isNotNull();
  }

  private void twoBodiesStoredIn40And60Ms() {
    metrics.onTask(body(TaskStatus.UPLOADED, "stored", 201, Duration.ofMillis(40)));
    metrics.onTask(body(TaskStatus.UPLOADED, "stored", 201, Duration.ofMillis(60)));
  }

  private double count(String kind, String status, String reason) {
    return registry
        .get(DossierMetrics.TASKS)
        .tags("kind", kind, "status", status, "reason", reason)
        .counter()
        .count();
  }

  private double synced(String kind, String outcome) {
    return registry
        .get(DossierMetrics.SYNCED)
        .tags("kind", kind, "outcome", outcome)
        .counter()
        .count();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  private static TaskResult body(TaskStatus status, String reason, int http, Duration took) {
    return task(TaskKind.BODY, "u1", "spec.md", Optional.of("ab12"), status, reason, http, took);
  }

  private static TaskResult event(TaskStatus status, String reason, int http, Duration took) {
    return task(
        TaskKind.EVENT,
        "e1",
        "047-body-sync:spec.md",
        Optional.empty(),
        status,
        reason,
        http,
        took);
  }

  private static TaskResult task(
      TaskKind kind,
      String id,
      String path,
      Optional<String> hash,
      TaskStatus status,
      String reason,
      int http,
      Duration took) {
    return new TaskResult(
        kind, id, NAMESPACE, path, hash, status, reason, Optional.empty(), http, took);
  }

  private static DrainReport report(boolean authPaused) {
    return new DrainReport(new TreeSet<>(), 0, 0, 0, 0, 0, 0, 0, 0, authPaused, false, 0, 0, 0);
  }

  private static QueueStats stats(long events, long bodies, Duration oldest, long failures) {
    return new QueueStats(
        new EventQueueStats(events, events, 0),
        new BodyQueueStats(
            bodies, bodies, 0, Optional.ofNullable(oldest), new TreeMap<>(), new TreeMap<>()),
        failures);
  }
}
