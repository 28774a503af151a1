package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.transport.PushResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 3, drain side: when {@code drainUntilEmpty}'s time is up with requests in flight,
 * the round aborts them through the configured action and their tasks stay queued, no retry
 * counted.
 */
class DeadlineAbortTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void atTheTimeLimitTheRequestsInFlightAreAbortedAndTheirTasksStayQueued() {
    bench.enqueueBodies(ns, 3);
    HeldPushes untilAborted =
        new HeldPushes(2, PushResult.networkError("connection_error: aborted"));
    AtomicInteger aborts = new AtomicInteger();
    bench.answerBodies(untilAborted);

    DrainReport report;
    try (DrainEngine engine =
        bench
            .builder()
            .nanoTime(System::nanoTime)
            .concurrency(2)
            .abortInFlight(
                () -> {
                  aborts.incrementAndGet();
                  untilAborted.answer();
                })
            .build()) {
      report = engine.drainUntilEmpty(Duration.ofMillis(200));
    }

    assertThat(aborts).hasValue(1);
    assertThat(report.timedOut()).isTrue();
    assertThat(report.bodiesRetry()).isZero();
    assertThat(report.released()).isEqualTo(3);
    assertThat(bench.content.requests()).hasSize(2);
    assertThat(bench.pendingBodies()).isEqualTo(3);
    assertThat(bench.peekBodies()).allSatisfy(b -> assertThat(b.retryCount()).isZero());
  }

  @Test
  void aTransportThatCannotAbortIsGivenUpOnShortlyAfterTheLimit() throws Exception {
    bench.enqueueBody(ns, "spec.md");
    HeldPushes neverAnswered = new HeldPushes(1);
    bench.answerBodies(neverAnswered);

    DrainReport report;
    try (DrainEngine engine = bench.builder().nanoTime(System::nanoTime).build()) {
      report = engine.drainUntilEmpty(Duration.ofMillis(100));
    } finally {
      neverAnswered.answer();
    }

    assertThat(report.timedOut()).isTrue();
    assertThat(report.released()).isEqualTo(1);
    assertThat(report.bodiesUploaded()).isZero();
    assertThat(bench.pendingBodies()).isEqualTo(1);
  }
}
