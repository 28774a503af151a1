package io.dossiersync.reliability;

import static io.dossiersync.reliability.ReliabilityMode.pick;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code dossier drain --until-empty} (a child JVM, {@code destroyForcibly}) at a seeded
 * random moment: once the receiver has answered the m-th request (events or bodies). After each
 * kill: {@code PRAGMA integrity_check} is ok; every body the sync acknowledged as queued is still
 * in the queue or stored by the receiver; then, once the killed drainer's leases have ended (see
 * {@link QueueFile#expireLeases}), a final sync and {@code drain --until-empty} leave the receiver
 * with exactly the expected set, each body stored once, repeats only as {@code already_exists}.
 */
class KillDuringDrainTest {

  @TempDir Path dir;

  @Test
  void killedDrainOfAGeneratedCheckoutLosesNothing() throws Exception {
    Path specs = Checkouts.generated(dir.resolve("checkout"), pick(20, 60), pick(4, 10));
    rounds(specs, pick(2, 10), 3);
  }

  @Test
  void killedDrainOfTheRealCorpusLosesNothing() throws Exception {
    rounds(Checkouts.corpusInFullMode(), 2, 4);
  }

  private void rounds(Path specs, int rounds, long salt) throws Exception {
    long seed = ReliabilityMode.seed() + salt;
    Random random = new Random(seed);
    int kills = 0;
    long started = System.nanoTime();
    Set<BodyKey> expected = Set.of();
    for (int round = 0; round < rounds; round++) {
      Path db = dir.resolve("drain-" + round + ".db");
      expected = Deliveries.acknowledged(Recovery.syncNoDrain(specs, db));
      // every fourth round aims at the event phase (the first batches), the others anywhere
      int afterRequests =
          round % 4 == 0
              ? 1 + random.nextInt(3)
              : 1 + random.nextInt(Math.max(1, expected.size() * 3 / 4));
      try (ReferenceReceiver receiver = Recovery.receiver()) {
        boolean killed;
        try (ChildDossier child =
            ChildDossier.start(Recovery.env(), Recovery.drainUntilEmptyArgs(db, receiver, 300))) {
          killed = awaitRequests(receiver, child, afterRequests) && child.alive();
          child.kill();
        }
        kills += killed ? 1 : 0;
        QueueFile queue = new QueueFile(db);
        assertThat(queue.integrityCheck()).as("round %d: integrity_check", round).isEqualTo("ok");
        Set<BodyKey> kept = new HashSet<>(queue.bodyTasks());
        Set<BodyKey> stored = receiver.ledger().storedBodies().keySet();
        kept.addAll(stored);
        assertThat(kept)
            .as("round %d: acknowledged bodies queued or stored", round)
            .containsAll(expected);
        long now = System.currentTimeMillis();
        long leasedBodies = queue.leased("body_queue", now);
        long leasedEvents = queue.leased("event_queue", now);
        int ended = queue.expireLeases(now);
        int requestsAtKill = receiver.ledger().requests().size();
        Recovery.syncAndDrainToTheEnd(specs, db, receiver);
        long repeats = Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
        System.out.printf(
            "[reliability] drain-kill seed=%d round=%d killed=%b after_requests=%d"
                + " seen_at_kill=%d stored_at_kill=%d leased_bodies=%d leased_events=%d"
                + " leases_ended=%d expected=%d already_exists=%d%n",
            seed,
            round,
            killed,
            afterRequests,
            requestsAtKill,
            stored.size(),
            leasedBodies,
            leasedEvents,
            ended,
            expected.size(),
            repeats);
      }
    }
    System.out.printf(
        "[reliability] drain-kill summary: %d rounds, %d kills, %d bodies per round," + " %d ms%n",
        rounds, kills, expected.size(), (System.nanoTime() - started) / 1_000_000);
    assertThat(kills).as("rounds whose drain was killed while running").isPositive();
  }

  private static boolean awaitRequests(ReferenceReceiver receiver, ChildDossier child, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline && child.alive()) {
      if (receiver.ledger().requests().size() >= count) {
        return true;
      }
      Thread.sleep(1);
    }
    return false;
  }
}
