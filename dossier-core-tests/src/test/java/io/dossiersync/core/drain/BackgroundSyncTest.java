package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueTestData;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
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
    for (int i = 0; i < 6; i++) {
      bench.enqueueBody(ns, "research/r" + i + ".md");
    }
    CountDownLatch twoInFlight = new CountDownLatch(2);
    CountDownLatch receiverAnswers = new CountDownLatch(1);
    bench.answerBodies(
        r -> {
          twoInFlight.countDown();
          await(receiverAnswers);
          return DrainFixture.STORED;
        });

    try (DrainEngine engine = bench.builder().concurrency(2).bodyClaimBatchSize(4).build()) {
      BackgroundSync sync = quiet(engine);
      sync.start();
      assertThat(twoInFlight.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(sync.stop(Duration.ofMillis(100))).isFalse();
      assertThat(sync.isRunning()).isFalse();
      receiverAnswers.countDown();
      bench.listener.awaitTasks(t -> t.status() == TaskStatus.RELEASED, 6);
    }

    assertThat(bench.content.requests()).hasSize(2);
    assertThat(bench.listener.tasks).noneMatch(t -> t.status() == TaskStatus.UPLOADED);
    assertEveryTaskFinishedOrQueued(6);
  }

  @Test
  void stopWaitsForTheSendsInFlight() throws Exception {
    for (int i = 0; i < 6; i++) {
      bench.enqueueBody(ns, "research/r" + i + ".md");
    }
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch receiverAnswers = new CountDownLatch(1);
    bench.answerBodies(
        r -> {
          inFlight.countDown();
          await(receiverAnswers);
          return DrainFixture.STORED;
        });

    try (DrainEngine engine = bench.builder().concurrency(2).bodyClaimBatchSize(4).build()) {
      BackgroundSync sync = quiet(engine);
      sync.start();
      assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Boolean> stopped =
          CompletableFuture.supplyAsync(() -> sync.stop(Duration.ofSeconds(30)));
      receiverAnswers.countDown();

      assertThat(stopped.get(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(bench.content.requests()).isNotEmpty();
    assertEveryTaskFinishedOrQueued(6);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheService() throws Exception {
    DrainListener broken =
        new DrainListener() {
          @Override
          public void onTask(TaskResult result) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onDrain(DrainReport report) {
            throw new IllegalStateException("listener bug");
          }
        };
    bench.enqueueBody(ns, "spec.md");

    try (DrainEngine engine = bench.builder().listener(broken).build();
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
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(r -> PushResult.of(TransportOutcome.UNAUTHORIZED, 401, "unauthorized"));

    try (DrainEngine engine = bench.builder().tokenProvider(TokenProvider.none()).build();
        BackgroundSync sync =
            BackgroundSync.builder(engine)
                .maxPollInterval(Duration.ofHours(1))
                .authPause(Duration.ofMillis(20))
                .build()) {
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

  private static BackgroundSync quiet(DrainEngine engine) {
    return BackgroundSync.builder(engine).maxPollInterval(Duration.ofHours(1)).build();
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

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
