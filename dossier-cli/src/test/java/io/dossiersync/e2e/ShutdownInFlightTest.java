package io.dossiersync.e2e;

import static io.dossiersync.e2e.Delivery.assertDeliveredExactlyOnce;
import static io.dossiersync.e2e.Delivery.queuedBodies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.drain.BackgroundSync;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.drain.TaskStatus;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.Endpoint;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: stopping the background service while pushes are in flight to a slow receiver loses
 * nothing. Unsent claimed tasks are released and the sends in flight record their results (within
 * the stop's timeout, or after it): a fresh store on the same file finds every body either stored
 * by the receiver or still queued (never both, never failed, no retry counted), and a fresh drain
 * then delivers the rest exactly once. Runs on the real clock (the receiver's delay is real), a few
 * seconds at most.
 */
class ShutdownInFlightTest {

  @TempDir Path dir;

  private final AtomicInteger answering = new AtomicInteger();
  private final AtomicInteger maxAnswering = new AtomicInteger();
  private final AtomicInteger uploadResults = new AtomicInteger();

  @Test
  void stopWhileSendsAreInFlightLeavesEveryTaskStoredOrQueued() throws Exception {
    try (E2eRig rig = E2eRig.onSystemClock(dir);
        ReferenceReceiver receiver = slowReceiver(Duration.ofMillis(250))) {
      Map<BodyKey, String> expected = syncFeature(rig, "030-shutdown");
      DrainEngine engine = engine(rig, receiver);

      BackgroundSync sync = started(engine);
      await(
          "4 bodies stored and a push in flight",
          () -> receiver.ledger().storedBodies().size() >= 4 && answering.get() > 0);
      boolean stopped = sync.stop(Duration.ofSeconds(5));

      assertThat(stopped).as("in-flight sends finished within the timeout").isTrue();
      assertThat(sync.isRunning()).isFalse();
      assertThat(maxAnswering.get()).as("several pushes were in flight at once").isGreaterThan(1);
      assertThat(answering.get()).as("no push still being answered").isZero();
      assertThat(uploadResults.get()).isEqualTo(receiver.ledger().storedBodies().size());
      engine.close();
      assertStoredOrQueuedThenDrainTheRest(rig, receiver, expected);
    }
  }

  @Test
  void stopTimingOutBeforeTheSendsEndStillLosesNothing() throws Exception {
    try (E2eRig rig = E2eRig.onSystemClock(dir);
        ReferenceReceiver receiver = slowReceiver(Duration.ofMillis(1_500))) {
      Map<BodyKey, String> expected = syncFeature(rig, "031-shutdown-late");
      DrainEngine engine = engine(rig, receiver);

      BackgroundSync sync = started(engine);
      await("a push in flight", () -> answering.get() > 0);
      boolean stopped = sync.stop(Duration.ofMillis(50));

      assertThat(stopped).as("the sends in flight outlived the timeout").isFalse();
      assertThat(sync.isRunning()).isFalse();
      await(
          "every send in flight answered and recorded",
          () ->
              answering.get() == 0
                  && uploadResults.get() == receiver.ledger().storedBodies().size());
      assertThat(receiver.ledger().storedBodies()).as("the late sends were stored").isNotEmpty();
      engine.close();
      assertStoredOrQueuedThenDrainTheRest(rig, receiver, expected);
    }
  }

  private static BackgroundSync started(DrainEngine engine) {
    BackgroundSync sync =
        BackgroundSync.builder(engine).maxPollInterval(Duration.ofMillis(100)).build();
    sync.start();
    return sync;
  }

  private ReferenceReceiver slowReceiver(Duration delay) {
    ReferenceReceiver receiver =
        ReferenceReceiver.builder()
            .token(E2eRig.TOKEN)
            .responseDelay(delay)
            .sleeper(
                d -> {
                  maxAnswering.accumulateAndGet(answering.incrementAndGet(), Math::max);
                  try {
                    Thread.sleep(d.toMillis());
                  } finally {
                    answering.decrementAndGet();
                  }
                })
            .start();
    receiver.faults().appliesTo(Endpoint.PUSH_CONTENT);
    return receiver;
  }

  private Map<BodyKey, String> syncFeature(E2eRig rig, String slug) {
    FeatureFixture feature = FeatureDirs.manyFiles(dir.resolve("kitty-specs"), slug, 40);
    return queuedBodies(rig.sync(feature, E2eRig.namespace(E2eRig.PROJECT_A, slug)), feature);
  }

  private DrainEngine engine(E2eRig rig, ReferenceReceiver receiver) {
    DrainListener listener =
        new DrainListener() {
          @Override
          public void onTask(TaskResult result) {
            if (result.status() == TaskStatus.UPLOADED) {
              uploadResults.incrementAndGet();
            }
          }
        };
    return rig.engine(receiver.baseUri(), b -> b.listener(listener));
  }

  /**
   * Reopens the queue file: every body is stored or queued, not both, no failure record; then a
   * fresh drain without the delay delivers the queued ones exactly once.
   */
  private static void assertStoredOrQueuedThenDrainTheRest(
      E2eRig rig, ReferenceReceiver receiver, Map<BodyKey, String> expected) {
    assertThat(receiver.ledger().requests(Endpoint.PUSH_CONTENT))
        .as("every push that reached the receiver got its answer")
        .allSatisfy(r -> assertThat(r.answer()).isEqualTo("stored"));
    Set<BodyKey> stored = receiver.ledger().storedBodies().keySet();
    QueueStore reopened = rig.reopenStore();
    Set<BodyKey> queued = queuedKeys(reopened);

    assertThat(stored).as("some bodies were stored before the stop").isNotEmpty();
    assertThat(queued).as("the stop cut the drain short").isNotEmpty();
    assertThat(reopened.bodies().pending(ProjectScope.all()))
        .as("no task left leased")
        .isEqualTo(queued.size());
    assertThat(reopened.failures().count()).isZero();
    assertThat(stored).doesNotContainAnyElementsOf(queued);
    Set<BodyKey> union = new HashSet<>(stored);
    union.addAll(queued);
    assertThat(union).containsExactlyInAnyOrderElementsOf(expected.keySet());

    receiver.faults().none();
    DrainReport rest = rig.engine(receiver.baseUri()).drainUntilEmpty(Duration.ofSeconds(30));

    assertThat(rest.queuesEmpty()).isTrue();
    assertThat(rest.bodiesUploaded()).isEqualTo(queued.size());
    assertDeliveredExactlyOnce(receiver.ledger(), expected, reopened);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within 20 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** The bodies still queued, read with a short claim that is released at once. */
  private static Set<BodyKey> queuedKeys(QueueStore store) {
    List<ClaimedBody> claimed =
        store
            .bodies()
            .claim(
                new ClaimRequest(
                    1_000,
                    Instant.now(),
                    Duration.ofMinutes(1),
                    "shutdown-test-inspector",
                    ProjectScope.all(),
                    false));
    Set<BodyKey> keys = new HashSet<>();
    for (ClaimedBody body : claimed) {
      keys.add(
          new BodyKey(
              body.task().namespace(), body.task().artifactPath(), body.task().contentHash()));
      assertThat(body.retryCount()).as("no retry counted for a released task").isZero();
      assertThat(store.bodies().settle(List.of(Settlement.release(body, Instant.EPOCH))))
          .hasSize(1);
    }
    return keys;
  }
}
