package io.dossiersync.core.drain;

import static io.dossiersync.core.drain.DrainFixture.quietSync;
import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueTestData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BackgroundSyncTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void wakeUpTriggersADrain() throws Exception {
    try (DrainEngine engine = bench.builder().build();
        BackgroundSync sync = quiet(engine)) {
      sync.start();
      bench.listener.awaitDrains(1);
      bench.enqueueBody(ns, "spec.md");

      sync.wakeUp();

      bench.listener.awaitTasks(t -> t.status() == TaskStatus.UPLOADED, 1);
      assertThat(sync.isRunning()).isTrue();
    }
    assertThat(bench.pendingBodies()).isZero();
  }

  @Test
  void stopPastItsTimeoutGivesBackTheSendsInFlightAndLosesNothing() throws Exception {
    HeldPushes twoInFlight = new HeldPushes(2);

    try (DrainEngine engine = sixBodiesTwoSenders(twoInFlight)) {
      BackgroundSync sync = startedWithPushesHeld(engine, twoInFlight);

      assertThat(sync.stop(Duration.ofMillis(100))).isFalse();
      assertThat(sync.isRunning()).isFalse();
      twoInFlight.answer();
      bench.listener.awaitTasks(t -> t.status() == TaskStatus.RELEASED, 6);
    }

    assertThat(bench.content.requests()).hasSize(2);
    assertThat(bench.listener.tasks).noneMatch(t -> t.status() == TaskStatus.UPLOADED);
    assertEveryTaskFinishedOrQueued(6);
  }

  @Test
  void stopWaitsForTheSendsInFlight() throws Exception {
    HeldPushes inFlight = new HeldPushes(1);

    try (DrainEngine engine = sixBodiesTwoSenders(inFlight)) {
      BackgroundSync sync = startedWithPushesHeld(engine, inFlight);
      CompletableFuture<Boolean> stopped =
          CompletableFuture.supplyAsync(() -> sync.stop(Duration.ofSeconds(30)));
      inFlight.answer();

      assertThat(stopped.get(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(bench.content.requests()).isNotEmpty();
    assertEveryTaskFinishedOrQueued(6);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheService() throws Exception {
    bench.enqueueBody(ns, "spec.md");

    try (DrainEngine engine = bench.builder().listener(new ThrowingListener()).build();
        BackgroundSync sync = quiet(engine)) {
      sync.start();
      eventually(() -> bench.content.requests().size() == 1);
      bench.enqueueBody(ns, "plan.md");
      sync.wakeUp();

      eventually(() -> bench.content.requests().size() == 2 && bench.pendingBodies() == 0);
      assertThat(sync.isRunning()).isTrue();
    }
  }

  @Test
  void aStoreFailureIsLoggedAndTheServiceKeepsRunning() throws Exception {
    bench.enqueueBody(ns, "spec.md");

    CountDownLatch fired = new CountDownLatch(1);
    QueueStore faulty = FaultyStore.failingOnce(bench.store, "events", fired, "projects");

    try (DrainEngine engine = bench.builder(faulty).build();
        BackgroundSync sync = quiet(engine)) {
      sync.start();
      assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
      sync.wakeUp();

      bench.listener.awaitTasks(t -> t.status() == TaskStatus.UPLOADED, 1);
      bench.listener.awaitDrains(1);
      assertThat(sync.isRunning()).isTrue();
      assertThat(bench.listener.drains).hasSize(1);
    }
  }

  @Test
  void afterAnAuthPauseTheServiceTriesAgain() throws Exception {
    try (DrainEngine engine = bench.authRefusedEngine(ns);
        BackgroundSync sync = quietSync(engine).authPause(Duration.ofMillis(20)).build()) {
      sync.start();
      bench.listener.awaitTasks(t -> t.status() == TaskStatus.RELEASED, 1);
      bench.answerBodies(r -> DrainFixture.STORED);

      bench.listener.awaitTasks(t -> t.status() == TaskStatus.UPLOADED, 1);
    }
    assertThat(bench.listener.drains.get(0).authPaused()).isTrue();
  }

  @Test
  void itStartsOnceAndChecksItsSettings() {
    try (DrainEngine engine = bench.builder().build()) {
      BackgroundSync sync = quiet(engine);
      assertThat(sync.stop(Duration.ofSeconds(1))).isTrue();
      sync.start();
      assertThatThrownBy(sync::start).isInstanceOf(IllegalStateException.class);
      sync.close();
      assertThatThrownBy(() -> BackgroundSync.builder(engine).authPause(Duration.ZERO).build())
          .hasMessageContaining("authPause");
    }
  }

  /** Six bodies queued, a receiver that holds their pushes, and an engine of two senders. */
  private DrainEngine sixBodiesTwoSenders(HeldPushes receiver) {
    bench.enqueueBodies(ns, 6);
    bench.answerBodies(receiver);
    return bench.builder().concurrency(2).bodyClaimBatchSize(4).build();
  }

  /** Starts a quiet service over {@code engine} and waits until the held pushes are in flight. */
  private static BackgroundSync startedWithPushesHeld(DrainEngine engine, HeldPushes held)
      throws InterruptedException {
    BackgroundSync sync = quiet(engine);
    sync.start();
    assertThat(held.awaitStarted()).as("the held pushes started").isTrue();
    return sync;
  }

  private static BackgroundSync quiet(DrainEngine engine) {
    return quietSync(engine).build();
  }

  /** Every task was either delivered or is still queued, ready and not leased. */
  private void assertEveryTaskFinishedOrQueued(int total) {
    long delivered =
        bench.listener.tasks.stream().filter(t -> t.status() == TaskStatus.UPLOADED).count();
    List<ClaimedBody> queued =
        bench.store.bodies().claim(QueueTestData.claim(100, T0, "after-stop"));
    assertThat(delivered + queued.size()).isEqualTo(total);
    assertThat(bench.pendingBodies()).isEqualTo(queued.size());
    assertThat(queued).allSatisfy(b -> assertThat(b.retryCount()).isZero());
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    Eventually.until(condition, () -> "condition not met within 10 s");
  }
}
