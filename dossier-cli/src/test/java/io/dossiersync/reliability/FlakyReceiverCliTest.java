package io.dossiersync.reliability;

import static io.dossiersync.reliability.ReliabilityMode.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver that fails: 30% of requests (events and bodies) answered 503, 5% dropped without an
 * answer (connection reset), and bursts of 429 with {@code retry_after: 1}: of every 30 requests
 * the receiver answers, the first 8 meet a 60% chance of 429 (a watcher switches the rate by the
 * ledger's request count). {@code dossier sync} then {@code dossier drain --until-empty} must end
 * with every body stored exactly once, nothing pending and no failure record.
 *
 * <p>Time is real: the product's backoff (1, 2, 4, 8 … s per task, the receiver's {@code
 * retry_after} when longer) runs unchanged, and a task that keeps failing waits 2^(n-1) s after its
 * n-th failure: with faults forever, the slowest of a few dozen tasks can need minutes (a first
 * version of this test saw a task fail 7 times in a row, then wait 64 s). So the receiver is flaky
 * for a fixed window ({@link #flakyWindow()}: 12 s in CI mode, 60 s in full mode), then healthy:
 * every task meets the faults, some several times in a row, and the wait after the window is
 * bounded by the longest backoff a streak can reach inside it (8 s for 12 s). {@code retry_after}
 * is one second and the fault draws are seeded.
 */
class FlakyReceiverCliTest {

  private static final int BURST_EVERY = 30;
  private static final int BURST_LENGTH = 8;

  @TempDir Path dir;

  @Test
  void everyBodyIsStoredExactlyOnceThroughFailuresResetsAndRateLimits() throws Exception {
    Path specs = Checkouts.generated(dir.resolve("checkout"), pick(6, 12), pick(4, 6));
    Path db = dir.resolve("queue.db");
    long started = System.nanoTime();
    ScheduledExecutorService bursts = Executors.newScheduledThreadPool(2);
    try (ReferenceReceiver receiver =
        ReferenceReceiver.builder()
            .token(Recovery.TOKEN)
            .failureRate(0.30)
            .resetRate(0.05)
            .retryAfter(Duration.ofSeconds(1))
            .seed(ReliabilityMode.seed())
            .start()) {
      var watcher =
          bursts.scheduleWithFixedDelay(() -> burst(receiver), 0, 1, TimeUnit.MILLISECONDS);
      bursts.schedule(
          () -> {
            watcher.cancel(false);
            receiver.faults().none();
          },
          flakyWindow().toMillis(),
          TimeUnit.MILLISECONDS);
      Set<BodyKey> expected = Deliveries.acknowledged(Recovery.syncOnline(specs, db, receiver));
      JsonNode drain = Recovery.drainToTheEnd(db, receiver, 300);
      bursts.shutdownNow();
      Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
      for (BodyKey key : expected) {
        assertThat(receiver.ledger().storeCount(key)).as("stores of %s", key).isEqualTo(1);
      }
      long failed503 = receiver.ledger().countByStatus(503);
      long resets = receiver.ledger().countByStatus(0);
      long limited = receiver.ledger().countByStatus(429);
      assertThat(failed503).as("503 answers injected").isPositive();
      assertThat(resets).as("connections reset").isPositive();
      assertThat(limited).as("429 answers injected").isPositive();
      System.out.printf(
          "[reliability] flaky window_s=%d seed=%d bodies=%d requests=%d 503=%d"
              + " reset=%d 429=%d drain_retries=%d duration_ms=%d%n",
          flakyWindow().toSeconds(),
          ReliabilityMode.seed(),
          expected.size(),
          receiver.ledger().requests().size(),
          failed503,
          resets,
          limited,
          drain.at("/bodies/retry").asLong(),
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      bursts.shutdownNow();
    }
  }

  private static Duration flakyWindow() {
    return Duration.ofSeconds(pick(12, 60));
  }

  /** Turns the 429 burst on for the first {@link #BURST_LENGTH} of every {@link #BURST_EVERY}. */
  private static void burst(ReferenceReceiver receiver) {
    int answered = receiver.ledger().requests().size();
    receiver.faults().rateLimitRate(answered % BURST_EVERY < BURST_LENGTH ? 0.6 : 0.0);
  }
}
