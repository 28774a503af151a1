package io.dossiersync.e2e;

import static io.dossiersync.e2e.Delivery.assertDeliveredExactlyOnce;
import static io.dossiersync.e2e.Delivery.queuedBodies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.drain.BackgroundSync;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import io.dossiersync.testkit.receiver.BodyKey;
import io.dossiersync.testkit.receiver.Endpoint;
import io.dossiersync.testkit.receiver.ReferenceReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: stopping the background service while pushes are in flight to a slow receiver loses
 * nothing. The sends in flight finish, unsent claimed tasks are released: a fresh store on the same
 * file finds every body either stored by the receiver or still queued (never both, never failed),
 * and a fresh drain then delivers the rest exactly once. Runs on the real clock (the receiver's
 * delay is real), a few seconds at most.
 */
class ShutdownInFlightTest {

  private static final Duration RECEIVER_DELAY = Duration.ofMillis(250);

  @TempDir Path dir;

  @Test
  void stopWhileSendsAreInFlightLeavesEveryTaskStoredOrQueued() throws Exception {
    AtomicInteger answering = new AtomicInteger();
    AtomicInteger maxAnswering = new AtomicInteger();
    try (E2eRig rig = E2eRig.onSystemClock(dir);
        ReferenceReceiver receiver = ReferenceReceiver.builder().token(E2eRig.TOKEN)
            .responseDelay(RECEIVER_DELAY).sleeper(delay -> {
              maxAnswering.accumulateAndGet(answering.incrementAndGet(), Math::max);
              try {
                Thread.sleep(delay.toMillis());
              } finally {
                answering.decrementAndGet();
              }
            }).start()) {
      receiver.faults().appliesTo(Endpoint.PUSH_CONTENT);
      FeatureFixture feature =
          FeatureDirs.manyFiles(dir.resolve("kitty-specs"), "030-shutdown", 40);
      Map<BodyKey, String> expected = queuedBodies(
          rig.sync(feature, E2eRig.namespace(E2eRig.PROJECT_A, feature.slug())), feature);
      DrainEngine engine = rig.engine(receiver.baseUri());
      BackgroundSync sync = BackgroundSync.builder(engine)
          .maxPollInterval(Duration.ofMillis(100)).build();

      sync.start();
      awaitStoredAndInFlight(receiver, answering);
      boolean stopped = sync.stop(Duration.ofSeconds(5));

      assertThat(stopped).as("in-flight sends finished within the timeout").isTrue();
      assertThat(sync.isRunning()).isFalse();
      assertThat(maxAnswering.get()).as("several pushes were in flight at once").isGreaterThan(1);
      assertThat(answering.get()).as("no push still being answered").isZero();
      engine.close();
      Set<BodyKey> stored = receiver.ledger().storedBodies().keySet();
      assertThat(receiver.ledger().requests(Endpoint.PUSH_CONTENT))
          .as("every push that reached the receiver got its answer")
          .allSatisfy(r -> assertThat(r.answer()).isEqualTo("stored"));

      QueueStore reopened = rig.reopenStore();
      Set<BodyKey> queued = queuedKeys(reopened);

      assertThat(stored).as("some bodies were stored before the stop").isNotEmpty();
      assertThat(queued).as("the stop cut the drain short").isNotEmpty();
      assertThat(reopened.bodies().pending(ProjectScope.all())).isEqualTo(queued.size());
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
  }

  private static void awaitStoredAndInFlight(ReferenceReceiver receiver, AtomicInteger answering)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (receiver.ledger().storedBodies().size() < 4 || answering.get() == 0) {
      assertThat(System.nanoTime()).as("pushes started within 20 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** The bodies still queued, read with a short claim that is released at once. */
  private static Set<BodyKey> queuedKeys(QueueStore store) {
    List<ClaimedBody> claimed = store.bodies().claim(new ClaimRequest(1_000, Instant.now(),
        Duration.ofMinutes(1), "shutdown-test-inspector", ProjectScope.all(), false));
    Set<BodyKey> keys = new HashSet<>();
    for (ClaimedBody body : claimed) {
      keys.add(new BodyKey(body.task().namespace(), body.task().artifactPath(),
          body.task().contentHash()));
      assertThat(body.retryCount()).as("no retry counted for a released task").isZero();
      assertThat(store.bodies().release(body)).isTrue();
    }
    return keys;
  }
}
