package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.QueueTestData;
import io.dossiersync.core.queue.Settlement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A round hands a whole claim batch to its senders; when it is stopped, the bodies no sender has
 * started are given back at once (claimable again), not left leased until the senders get to them.
 */
class StopReleasesWaitingBodiesTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void stoppingARoundReleasesTheBodiesNoSenderStarted() throws Exception {
    bench.enqueueBodies(ns, 8);
    HeldPushes firstPush = new HeldPushes(1);
    bench.answerBodies(firstPush);
    AtomicBoolean stop = new AtomicBoolean();

    try (DrainEngine engine = bench.builder().concurrency(1).bodyClaimBatchSize(8).build()) {
      CompletableFuture<DrainReport> round =
          CompletableFuture.supplyAsync(() -> engine.drainOnce(stop::get));
      assertThat(firstPush.awaitStarted()).isTrue();

      stop.set(true);
      engine.wakeRound();
      List<ClaimedBody> claimable = awaitClaimable(7);
      bench
          .store
          .bodies()
          .settle(
              claimable.stream().map(b -> Settlement.release(b, bench.clock.instant())).toList());
      firstPush.answer();
      DrainReport report = round.get(20, TimeUnit.SECONDS);

      assertThat(claimable).hasSize(7);
      assertThat(report.bodiesUploaded()).isEqualTo(1);
      assertThat(report.released()).isEqualTo(7);
      assertThat(bench.pendingBodies()).isEqualTo(7);
    }
  }

  /** Claims what is claimable now, until {@code n} bodies are (the stop releases them). */
  private List<ClaimedBody> awaitClaimable(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      List<ClaimedBody> claimed =
          bench.store.bodies().claim(QueueTestData.claim(100, bench.clock.instant(), "inspector"));
      if (claimed.size() >= n || System.nanoTime() > deadline) {
        return claimed;
      }
      bench
          .store
          .bodies()
          .settle(claimed.stream().map(b -> Settlement.release(b, bench.clock.instant())).toList());
      Thread.sleep(5);
    }
  }
}
