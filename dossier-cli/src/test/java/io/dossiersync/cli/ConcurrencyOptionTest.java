package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.drain.Sleeper;
import io.dossiersync.receiver.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --concurrency N} (PRODUCT.md §6): bad values are bad usage before anything is queued, and
 * the value reaches the drain engine: a receiver that holds each body answer until as many requests
 * as asked are in flight never sees more than N at once, and sees N.
 */
class ConcurrencyOptionTest {

  @TempDir Path dir;
  private CliWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65", "-3", "four", ""})
  void aValueOutsideOneToSixtyFourIsBadUsageOnOneLine(String value) {
    world = new CliWorld(dir, "047-body-sync");
    CliRun sync =
        world.run(
            "sync", world.unreachable(), "--concurrency", value, world.feature(0).dir().toString());
    CliRun drain = world.run("drain", world.unreachable(), "--concurrency", value);

    for (CliRun run : List.of(sync, drain)) {
      assertThat(run.exit()).as(run.transcript()).isEqualTo(2);
      assertThat(run.err().strip().lines().toList())
          .as(run.transcript())
          .singleElement()
          .asString()
          .contains("--concurrency must be a whole number from 1 to 64");
    }
    assertThat(Files.exists(world.db())).as("nothing queued").isFalse();
  }

  @Test
  void syncSendsAtMostTheGivenNumberOfBodiesAtOnce() {
    assertThat(maxInFlight("sync", 3)).isEqualTo(3);
  }

  @Test
  void drainSendsAtMostTheGivenNumberOfBodiesAtOnce() {
    assertThat(maxInFlight("drain", 2)).isEqualTo(2);
  }

  /** Runs the command with {@code --concurrency n} and returns the most bodies seen at once. */
  private int maxInFlight(String command, int n) {
    world = new CliWorld(dir, "047-body-sync", "048-second-feature");
    Gate gate = new Gate(n);
    world.startReceiver(b -> b.sleeper(gate).responseDelay(Duration.ofMillis(1)));
    world.receiver().faults().appliesTo(Endpoint.PUSH_CONTENT);
    String features = world.checkout().kittySpecs().toString();
    if (command.equals("drain")) {
      CliRun queued = world.run("sync", world.online(), "--no-drain", features);
      assertThat(queued.exit()).as(queued.transcript()).isZero();
    }
    CliRun run =
        command.equals("drain")
            ? world.run(
                "drain", world.online(), "--until-empty", "--concurrency", String.valueOf(n))
            : world.run("sync", world.online(), "--concurrency", String.valueOf(n), features);

    assertThat(run.exit()).as(run.transcript()).isZero();
    assertThat(world.receiver().ledger().storedBodies()).hasSizeGreaterThan(2 * n);
    return gate.max.get();
  }

  /**
   * Holds each body answer until {@code n} are waiting (or 10 s pass), recording the most seen at
   * once.
   */
  private static final class Gate implements Sleeper {
    private final int n;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    Gate(int n) {
      this.n = n;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      int now = inFlight.incrementAndGet();
      max.accumulateAndGet(now, Math::max);
      synchronized (this) {
        notifyAll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inFlight.get() < n && max.get() < n && System.nanoTime() < deadline) {
          wait(100);
        }
      }
      inFlight.decrementAndGet();
    }
  }
}
