package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.testkit.fake.PushResults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DrainEngineBodyTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void uploadedAndAlreadyExistsDeleteTheTask() {
    bench.enqueueBody(ns, "spec.md");
    bench.enqueueBody(ns, "plan.md");
    bench.answerBodies(
        r ->
            r.artifactPath().equals("spec.md") ? DrainFixture.STORED : PushResults.alreadyExists());

    try (DrainEngine engine = bench.builder().build()) {
      DrainReport report = engine.drainOnce();

      assertThat(report.bodiesUploaded()).isEqualTo(1);
      assertThat(report.bodiesAlreadyExists()).isEqualTo(1);
      assertThat(report.queuesEmpty()).isTrue();
      assertThat(report.projects()).containsExactly(PROJECT_A);
    }
    assertThat(bench.pendingBodies()).isZero();
    assertThat(bench.listener.tasks)
        .extracting(TaskResult::artifactPath, TaskResult::status, TaskResult::reason)
        .containsExactlyInAnyOrder(
            tuple("spec.md", TaskStatus.UPLOADED, "stored"),
            tuple("plan.md", TaskStatus.ALREADY_EXISTS, "already_exists"));
    assertThat(bench.listener.drains).hasSize(1);
  }

  @Test
  void aRefusedBodyGoesToTheFailureRecords() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(r -> PushResults.namespaceNotFound());

    DrainReport report = bench.drainOnce();

    assertThat(report.bodiesFailed()).isEqualTo(1);
    assertThat(report.failureCount()).isEqualTo(1);
    FailureRecord record = bench.store.failures().list(10).get(0);
    assertThat(record.kind()).isEqualTo(FailureKind.BODY);
    assertThat(record.reason()).isEqualTo("namespace_not_found");
    assertThat(record.artifactPath()).contains("spec.md");
    assertThat(bench.pendingBodies()).isZero();
  }

  @Test
  void aRetryableAnswerKeepsTheTaskWithBackoff() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(r -> PushResults.indexEntryNotFound());

    DrainReport report = bench.drainOnce();

    assertThat(report.bodiesRetry()).isEqualTo(1);
    assertThat(report.pendingBodies()).isEqualTo(1);
    assertThat(bench.store.bodies().nextDue(ProjectScope.all(), T0).at())
        .contains(T0.plusSeconds(1));
    assertThat(bench.peekBodies()).singleElement().extracting(ClaimedBody::retryCount).isEqualTo(1);
    assertThat(bench.listener.tasks.get(0).nextAttemptAt()).contains(T0.plusSeconds(1));
  }

  @Test
  void retryAfterIsRespectedWhenLongerAndCappedAtOneHour() {
    bench.enqueueBody(ns, "a.md");
    bench.enqueueBody(ns, "b.md");
    bench.answerBodies(
        r ->
            PushResults.rateLimited(
                r.artifactPath().equals("a.md") ? Duration.ofSeconds(90) : Duration.ofDays(2)));

    bench.drainOnce();

    assertThat(bench.listener.tasks)
        .extracting(TaskResult::artifactPath, t -> t.nextAttemptAt().orElseThrow())
        .containsExactlyInAnyOrder(
            tuple("a.md", T0.plusSeconds(90)), tuple("b.md", T0.plusSeconds(3600)));
  }

  @Test
  void backoffFollowsTheSequenceAndTheCeilingMovesTheTaskToFailureRecords() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(r -> PushResults.serviceUnavailable());
    List<Long> waits = new ArrayList<>();

    try (DrainEngine engine = bench.builder().build()) {
      for (int failure = 1; failure <= 20; failure++) {
        engine.drainOnce();
        Optional<Instant> due = bench.store.bodies().nextDue(ProjectScope.all(), T0).at();
        due.ifPresent(
            d -> {
              waits.add(Duration.between(bench.clock.instant(), d).toSeconds());
              bench.clock.set(d);
            });
      }
    }

    assertThat(waits)
        .containsExactly(
            1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L, 300L, 300L, 300L, 300L,
            300L, 300L, 300L);
    assertThat(bench.pendingBodies()).isZero();
    FailureRecord record = bench.store.failures().list(1).get(0);
    assertThat(record.reason()).isEqualTo("retry_ceiling: http_503");
    assertThat(record.attempts()).isEqualTo(20);
    assertThat(bench.content.requests()).hasSize(20);
  }

  @Test
  void aPushThatThrowsIsARetryNeverACrash() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(
        r -> {
          throw new IllegalStateException("boom");
        });

    DrainReport report = bench.drainOnce();

    assertThat(report.bodiesRetry()).isEqualTo(1);
    assertThat(bench.listener.tasks.get(0).reason())
        .isEqualTo("transport_error: IllegalStateException: boom");
    assertThat(bench.store.bodies().nextDue(ProjectScope.all(), T0).at())
        .contains(T0.plusSeconds(1));
    assertThat(bench.pendingBodies()).isEqualTo(1);
  }

  @Test
  void aStoreFailureWhileRecordingKeepsTheTaskWithBackoff() {
    bench.enqueueBody(ns, "spec.md");
    CountDownLatch fired = new CountDownLatch(1);

    DrainReport report;
    try (DrainEngine engine =
        bench.builder(FaultyStore.failingOnce(bench.store, "bodies", fired, "settle")).build()) {
      report = engine.drainOnce();
    }

    assertThat(fired.getCount()).isZero();
    assertThat(report.bodiesRetry()).isEqualTo(1);
    assertThat(bench.listener.tasks)
        .extracting(TaskResult::reason)
        .containsExactly("store_error: QueueStoreException");
    assertThat(bench.store.bodies().nextDue(ProjectScope.all(), T0).at())
        .contains(T0.plusSeconds(1));
  }

  @Test
  void aClosedEngineSendsNothingAndReleasesWhatItClaimed() {
    bench.enqueueBody(ns, "spec.md");
    DrainEngine engine = bench.builder().build();
    engine.close();

    DrainReport report = engine.drainOnce();

    assertThat(report.released()).isEqualTo(1);
    assertThat(bench.content.requests()).isEmpty();
    assertThat(bench.store.bodies().nextDue(ProjectScope.all(), T0).at()).contains(T0);
  }

  @Test
  void aLongTransportMessageIsCut() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(
        r -> {
          throw new IllegalStateException("x".repeat(500));
        });

    bench.drainOnce();

    assertThat(bench.listener.tasks.get(0).reason())
        .hasSize("transport_error: IllegalStateException: ".length() + 203)
        .endsWith("x...");
  }

  @Test
  void neverMoreThanTheConcurrencyInFlightAndEveryBodyArrives() {
    bench.enqueueBodies(ns, 39);
    CyclicBarrier three = new CyclicBarrier(3);
    bench.answerBodies(
        r -> {
          try {
            three.await(5, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("fewer than 3 pushes in flight", e);
          }
          return DrainFixture.STORED;
        });

    DrainReport report;
    try (DrainEngine engine = bench.builder().concurrency(3).bodyClaimBatchSize(8).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.bodiesUploaded()).isEqualTo(39);
    assertThat(bench.maxInFlight.get()).isEqualTo(3);
    assertThat(bench.content.requests()).extracting(r -> r.artifactPath()).doesNotHaveDuplicates();
  }

  @Test
  void onlyOnePassOverWhatWasReadyAtTheStart() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(
        r -> {
          bench.clock.advance(Duration.ofSeconds(10));
          return PushResults.serviceUnavailable();
        });

    bench.drainOnce();

    assertThat(bench.content.requests()).hasSize(1);
    assertThat(bench.store.bodies().nextDue(ProjectScope.all(), T0).at())
        .contains(T0.plusSeconds(11));
  }

  @Test
  void theReportCountsEveryStatusOnce() {
    Map<String, PushResult> answers =
        Map.of(
            "a.md", DrainFixture.STORED,
            "b.md", PushResults.validationError("bad"),
            "c.md", PushResults.serviceUnavailable());
    answers.keySet().forEach(p -> bench.enqueueBody(ns, p));
    bench.answerBodies(r -> answers.get(r.artifactPath()));

    DrainReport report = bench.drainOnce();

    assertThat(report.attempted()).isEqualTo(3);
    assertThat(report.summary())
        .contains("uploaded=1", "retry=1", "failed=1", "pending events=0 bodies=1");
  }
}
