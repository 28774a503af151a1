package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.QueueTestData;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TransportOutcome;
import io.dossiersync.testkit.fake.PushResults;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainUntilEmptyTest {

  private static final PushResult RATE_LIMITED = PushResults.rateLimited(Duration.ofSeconds(100));

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void sleepsExactlyUntilTheNextTaskIsDue() {
    bench.enqueueBody(ns, "spec.md");
    AtomicInteger attempts = new AtomicInteger();
    bench.answerBodies(r -> attempts.incrementAndGet() == 1 ? RATE_LIMITED : DrainFixture.STORED);

    DrainReport report = drain(Duration.ofMinutes(10));

    assertThat(bench.sleeper.sleeps()).containsExactly(Duration.ofSeconds(100));
    assertThat(report.bodiesRetry()).isEqualTo(1);
    assertThat(report.bodiesUploaded()).isEqualTo(1);
    assertThat(report.queuesEmpty()).isTrue();
    assertThat(report.timedOut()).isFalse();
    assertThat(bench.listener.drains).hasSize(2);
  }

  @Test
  void stopsWhenTheTimeIsUpAndSaysWhatIsPending() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(r -> RATE_LIMITED);

    DrainReport report = drain(Duration.ofSeconds(250));

    assertThat(bench.sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(100), Duration.ofSeconds(100), Duration.ofSeconds(50));
    assertThat(bench.clock.instant()).isEqualTo(T0.plusSeconds(250));
    assertThat(report.timedOut()).isTrue();
    assertThat(report.bodiesRetry()).isEqualTo(3);
    assertThat(report.pendingBodies()).isEqualTo(1);
  }

  @Test
  void aBodyHeldBehindItsEventWaitsForThatEvent() {
    bench.enqueueEvent(ns, "spec.md");
    bench.enqueueBody(ns, "spec.md");
    AtomicInteger batches = new AtomicInteger();
    bench.answerEvents(
        e ->
            batches.incrementAndGet() == 1
                ? EventBatchResult.notDelivered(
                    TransportOutcome.RETRY, 503, "http_503", Optional.of(Duration.ofSeconds(10)))
                : DrainFixture.acceptAll().apply(e));

    DrainReport report = drain(Duration.ofMinutes(10));

    assertThat(bench.sleeper.sleeps()).containsExactly(Duration.ofSeconds(10));
    assertThat(bench.calls).containsExactly("events 1", "events 1", "body spec.md");
    assertThat(report.queuesEmpty()).isTrue();
  }

  @Test
  void aTaskLeasedByAnotherDrainerIsPolledNotWaitedOut() {
    bench.enqueueBody(ns, "spec.md");
    List<ClaimedBody> theirs =
        bench.store.bodies().claim(QueueTestData.claim(1, T0, "other-drainer"));

    DrainReport report;
    try (DrainEngine engine =
        bench
            .builder()
            .sleeper(
                d -> {
                  bench.sleeper.sleep(d);
                  bench.store.bodies().settle(List.of(Settlement.complete(theirs.get(0), T0)));
                })
            .build()) {
      report = engine.drainUntilEmpty(Duration.ofMinutes(30));
    }

    assertThat(bench.sleeper.sleeps()).containsExactly(DrainEngine.IDLE_POLL);
    assertThat(report.queuesEmpty()).isTrue();
    assertThat(bench.calls).isEmpty();
  }

  @Test
  void tasksInBackoffAreWaitedForNotPolled() {
    bench.enqueueBody(ns, "spec.md");
    bench.enqueueBody(ns, "plan.md");
    bench.answerBodies(r -> RATE_LIMITED);
    try (DrainEngine engine = bench.builder().build()) {
      engine.drainOnce();
    }
    bench.sleeper.clear();

    DrainReport report = drain(Duration.ofSeconds(50));

    assertThat(bench.sleeper.sleeps()).containsExactly(Duration.ofSeconds(50));
    assertThat(report.timedOut()).isTrue();
  }

  @Test
  void returnsAtOnceWhenTheTokenIsRejected() {
    DrainReport report;
    try (DrainEngine engine = bench.authRefusedEngine(ns)) {
      report = engine.drainUntilEmpty(Duration.ofMinutes(10));
    }

    assertThat(report.authPaused()).isTrue();
    assertThat(report.timedOut()).isFalse();
    assertThat(report.pendingBodies()).isEqualTo(1);
    assertThat(bench.sleeper.sleeps()).isEmpty();
  }

  @Test
  void anEmptyQueueNeedsNoSleep() {
    DrainReport report = drain(Duration.ofSeconds(1));

    assertThat(report.queuesEmpty()).isTrue();
    assertThat(report.projects()).isEmpty();
    assertThat(bench.sleeper.sleeps()).isEmpty();
  }

  @Test
  void anInterruptedSleepEndsTheDrain() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(r -> RATE_LIMITED);

    DrainReport report;
    try (DrainEngine engine =
        bench
            .builder()
            .sleeper(
                d -> {
                  throw new InterruptedException("host shutting down");
                })
            .build()) {
      report = engine.drainUntilEmpty(Duration.ofMinutes(10));
    }

    assertThat(Thread.interrupted()).isTrue();
    assertThat(report.timedOut()).isFalse();
    assertThat(report.pendingBodies()).isEqualTo(1);
  }

  @Test
  void aNegativeTimeIsRejected() {
    try (DrainEngine engine = bench.builder().build()) {
      assertThatThrownBy(() -> engine.drainUntilEmpty(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxTime");
    }
  }

  private DrainReport drain(Duration maxTime) {
    try (DrainEngine engine = bench.builder().build()) {
      return engine.drainUntilEmpty(maxTime);
    }
  }
}
