package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.core.transport.TransportOutcome;
import io.dossiersync.testkit.fake.ScriptedTokenProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainEngineEventTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");
  private final NamespaceRef other = namespace(PROJECT_A, "002-other");

  @Test
  void everyReadyEventIsSentBeforeAnyBody() {
    bench.enqueueEvents(ns, 250);
    bench.enqueueBody(ns, "spec.md");

    DrainReport report = bench.drainOnce();

    assertThat(bench.calls.subList(0, 3))
        .containsExactlyInAnyOrder("events 100", "events 100", "events 50");
    assertThat(bench.calls).hasSize(4).last().isEqualTo("body spec.md");
    assertThat(report.eventsSent()).isEqualTo(250);
    assertThat(report.bodiesUploaded()).isEqualTo(1);
  }

  @Test
  void eventBatchesAreSentUpToConcurrencyAtOnce() {
    assertThat(mostEventBatchesInFlight(4)).isEqualTo(4);
  }

  @Test
  void concurrencyOneSendsOneEventBatchAtATime() {
    assertThat(mostEventBatchesInFlight(1)).isEqualTo(1);
  }

  /**
   * Drains 1,000 events in batches of 100 while the first sends wait (up to 5 s) for {@code
   * concurrency} batches to be in flight together; the most that were.
   */
  private int mostEventBatchesInFlight(int concurrency) {
    bench.enqueueEvents(ns, 1_000);
    CountDownLatch together = new CountDownLatch(concurrency);
    bench.answerEvents(
        batch -> {
          together.countDown();
          try {
            together.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return DrainFixture.acceptAll().apply(batch);
        });

    DrainReport report;
    try (DrainEngine engine = bench.builder().concurrency(concurrency).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.eventsSent()).isEqualTo(1_000);
    assertThat(bench.pendingEvents()).isZero();
    return bench.maxEventBatchesInFlight.get();
  }

  @Test
  void eachVerdictOfADeliveredBatchIsApplied() {
    EventRecord ok = bench.enqueueEvent(ns, "a.md");
    EventRecord dup = bench.enqueueEvent(ns, "b.md");
    EventRecord bad = bench.enqueueEvent(ns, "c.md");
    EventRecord silent = bench.enqueueEvent(ns, "d.md");
    bench.answerEvents(
        e ->
            EventBatchResult.delivered(
                List.of(
                    new EventResult(ok.eventId(), EventResultStatus.SUCCESS, Optional.empty()),
                    new EventResult(dup.eventId(), EventResultStatus.DUPLICATE, Optional.empty()),
                    new EventResult(
                        bad.eventId(), EventResultStatus.REJECTED, Optional.of("bad schema")))));

    DrainReport report = bench.drainOnce();

    assertThat(report.eventsSent()).isEqualTo(2);
    assertThat(report.eventsFailed()).isEqualTo(1);
    assertThat(report.eventsRetry()).isEqualTo(1);
    FailureRecord record = bench.store.failures().list(10).get(0);
    assertThat(record.kind()).isEqualTo(FailureKind.EVENT);
    assertThat(record.reason()).isEqualTo("rejected: bad schema");
    assertThat(record.artifactPath()).contains("c.md");
    assertThat(bench.listener.tasks)
        .filteredOn(t -> t.status() == TaskStatus.RETRY)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.taskId()).isEqualTo(silent.eventId());
              assertThat(t.reason()).isEqualTo("missing_result");
            });
  }

  @Test
  void aRetryableBatchKeepsEveryEventAndHoldsTheirNamespacesBodies() {
    bench.enqueueEvent(ns, "spec.md");
    bench.enqueueBody(ns, "spec.md");
    bench.enqueueBody(other, "plan.md");
    bench.answerEvents(batch -> DrainFixture.BATCH_RATE_LIMITED_30_S);

    DrainReport report = bench.drainOnce();

    assertThat(report.eventsRetry()).isEqualTo(1);
    assertThat(bench.store.events().nextDue(ProjectScope.all(), T0).at())
        .contains(T0.plusSeconds(30));
    assertThat(bench.content.requests()).extracting(r -> r.namespace()).containsExactly(other);
    assertThat(report.pendingBodies()).isEqualTo(1);
  }

  @Test
  void aSendThatThrowsKeepsTheBatchWithBackoff() {
    bench.enqueueEvent(ns, "spec.md");
    bench.answerEvents(
        e -> {
          throw new IllegalArgumentException("not a JSON object");
        });

    DrainReport report = bench.drainOnce();

    assertThat(report.eventsRetry()).isEqualTo(1);
    assertThat(bench.listener.tasks.get(0).reason())
        .isEqualTo("transport_error: IllegalArgumentException: not a JSON object");
    assertThat(bench.store.events().nextDue(ProjectScope.all(), T0).at())
        .contains(T0.plusSeconds(1));
  }

  @Test
  void anEventPastTheCeilingGoesToTheFailureRecords() {
    bench.enqueueEvent(ns, "spec.md");
    bench.answerEvents(
        e ->
            EventBatchResult.notDelivered(
                TransportOutcome.RETRY, 503, "http_503", Optional.empty()));

    try (DrainEngine engine = bench.builder().retryCeiling(2).build()) {
      engine.drainOnce();
      bench.clock.advance(Duration.ofSeconds(1));
      engine.drainOnce();
    }

    assertThat(bench.pendingEvents()).isZero();
    assertThat(bench.store.failures().list(1).get(0).reason()).isEqualTo("retry_ceiling: http_503");
  }

  @Test
  void aStoreFailureWhileRecordingKeepsTheEventWithBackoff() {
    bench.enqueueEvent(ns, "spec.md");
    CountDownLatch fired = new CountDownLatch(1);

    try (DrainEngine engine =
        bench
            .builder(
                FaultyStore.failingOnce(bench.store, "events", fired, "settleAndClaim", "settle"))
            .build()) {
      engine.drainOnce();
    }

    assertThat(fired.getCount()).isZero();
    assertThat(bench.listener.tasks)
        .extracting(TaskResult::status, TaskResult::reason)
        .containsExactly(tuple(TaskStatus.RETRY, "store_error: QueueStoreException"));
    assertThat(bench.store.events().nextDue(ProjectScope.all(), T0).at())
        .contains(T0.plusSeconds(1));
  }

  @Test
  void aStopAfterTheClaimReleasesTheBatchUntouched() {
    bench.enqueueEvent(ns, "spec.md");
    AtomicInteger asked = new AtomicInteger();

    DrainReport report;
    try (DrainEngine engine = bench.builder().build()) {
      report = engine.drainOnce(() -> asked.incrementAndGet() > 1);
    }

    assertThat(report.released()).isEqualTo(1);
    assertThat(bench.events.batches()).isEmpty();
    assertThat(bench.store.events().nextDue(ProjectScope.all(), T0).at()).contains(T0);
  }

  @Test
  void aFreshTokenRejectedTooReleasesTheBatch() {
    ScriptedTokenProvider tokens = ScriptedTokenProvider.of("old-token", "new-token");
    bench.enqueueEvent(ns, "spec.md");
    bench.answerEvents(e -> DrainFixture.BATCH_UNAUTHORIZED);

    DrainReport report;
    try (DrainEngine engine = bench.builder().tokenProvider(tokens).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.authPaused()).isTrue();
    assertThat(bench.events.batches()).hasSize(2);
    assertThat(bench.pendingEvents()).isEqualTo(1);
  }
}
