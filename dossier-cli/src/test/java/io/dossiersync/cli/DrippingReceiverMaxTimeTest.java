package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 point 3 end to end: a receiver that drips its answers one byte a second cannot make
 * {@code drain --max-time 5} run past 10 s; the tasks stay queued (exit 3).
 */
class DrippingReceiverMaxTimeTest {

  @TempDir Path dir;
  private CliWorld world;

  @BeforeEach
  void start() {
    world = new CliWorld(dir, "047-body-sync");
    world.startReceiver();
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void aDrippingReceiverCannotHoldTheDrainPastItsLimit() {
    world.queueFirstFeature();
    world.receiver().faults().dripAnswers(Duration.ofSeconds(1));

    long start = System.nanoTime();
    CliRun drain = world.run("drain", world.online(), "--until-empty", "--max-time", "5", "--json");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).as(drain.transcript()).isLessThan(Duration.ofSeconds(10));
    assertThat(drain.exit()).as(drain.transcript()).isEqualTo(3);
    long pending =
        drain.json().get("pending").get("events").asLong()
            + drain.json().get("pending").get("bodies").asLong();
    assertThat(pending).isPositive();
  }
}
