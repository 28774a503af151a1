package io.dossiersync.reliability;

import static io.dossiersync.reliability.ReliabilityMode.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code dossier drain --until-empty} processes (child JVMs) on one queue file against one
 * receiver, started together. Leases last 10 minutes and nobody crashes, so no lease expires: every
 * body must be pushed exactly once in total (one request per key, answered {@code stored}) and
 * every event delivered once (no {@code duplicate} verdict); the two reports add up to the whole
 * queue and both drainers did part of the work. A small response delay (30 ms) keeps the two drains
 * overlapping.
 *
 * <p>A drainer whose round finds every ready task leased by the other must not sleep until the
 * other's lease would expire: it polls ({@code DrainEngine.IDLE_POLL}) and ends as soon as the
 * other has finished. The drainers run with {@code --max-time 30}; one that reached it (the old
 * behaviour, sleeping on the other's lease) counts as {@code lingered}, and the test requires none
 * (a hang check with a wide margin: a drain here takes a few seconds).
 */
class TwoDrainersTest {

  @TempDir Path dir;

  @Test
  void twoDrainersOnOneFileNeverSendATaskTwiceAndLoseNothing() throws Exception {
    Path specs = Checkouts.generated(dir.resolve("checkout"), pick(12, 40), pick(10, 20));
    Path db = dir.resolve("queue.db");
    Set<BodyKey> expected = Deliveries.acknowledged(Recovery.syncNoDrain(specs, db));
    long started = System.nanoTime();
    try (ReferenceReceiver receiver = Recovery.slowReceiver(Duration.ofMillis(30))) {
      String[] drain = Recovery.drainUntilEmptyArgs(db, receiver, 30);
      CliRun first;
      CliRun second;
      long firstMillis;
      long secondMillis;
      try (ChildDossier a = ChildDossier.start(Recovery.env(), drain);
          ChildDossier b = ChildDossier.start(Recovery.env(), drain)) {
        long timeout = Long.getLong("reliability.drainer.timeout", 120);
        try {
          first = a.await(timeout);
          second = b.await(timeout);
          firstMillis = a.runMillis();
          secondMillis = b.runMillis();
        } catch (AssertionError hang) {
          QueueFile queue = new QueueFile(db);
          throw new AssertionError(
              hang.getMessage()
                  + "\n--- first drainer stderr: "
                  + a.stderr()
                  + "\n--- second drainer alive="
                  + b.alive()
                  + " stderr: "
                  + b.stderr()
                  + "\n--- queue at "
                  + System.currentTimeMillis()
                  + ":\n"
                  + queue.describeEvents()
                  + queue.describeBodies(),
              hang);
        }
      }
      assertThat(first.exitCode()).as("first drainer: %s", first).isZero();
      assertThat(second.exitCode()).as("second drainer: %s", second).isZero();
      JsonNode one = first.json();
      JsonNode two = second.json();
      long uploadedByFirst = one.at("/bodies/uploaded").asLong();
      long uploadedBySecond = two.at("/bodies/uploaded").asLong();
      assertThat(uploadedByFirst + uploadedBySecond)
          .as("bodies uploaded by both")
          .isEqualTo(expected.size());
      assertThat(uploadedByFirst).as("bodies uploaded by the first drainer").isPositive();
      assertThat(uploadedBySecond).as("bodies uploaded by the second drainer").isPositive();
      assertThat(
              one.at("/bodies/already_exists").asLong() + two.at("/bodies/already_exists").asLong())
          .as("already_exists answers")
          .isZero();

      Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
      int events = Deliveries.assertPushedOnceAndEachEventOnce(receiver.ledger(), expected);
      QueueFile queue = new QueueFile(db);
      assertThat(queue.integrityCheck()).isEqualTo("ok");
      assertThat(queue.bodyTasks()).as("bodies left in the queue").isEmpty();
      int lingered = (firstMillis >= 30_000 ? 1 : 0) + (secondMillis >= 30_000 ? 1 : 0);
      assertThat(lingered).as("drainers that slept on the other's lease until --max-time").isZero();
      System.out.printf(
          "[reliability] two-drainers bodies=%d first=%d second=%d events=%d"
              + " first_ms=%d second_ms=%d lingered=%d duration_ms=%d%n",
          expected.size(),
          uploadedByFirst,
          uploadedBySecond,
          events,
          firstMillis,
          secondMillis,
          lingered,
          (System.nanoTime() - started) / 1_000_000);
    }
  }
}
