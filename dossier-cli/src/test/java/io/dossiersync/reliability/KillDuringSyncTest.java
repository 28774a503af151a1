package io.dossiersync.reliability;

import static io.dossiersync.reliability.ReliabilityMode.pick;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code dossier sync} (a child JVM, {@code destroyForcibly}) while it enqueues many
 * features, at a seeded random moment (after the k-th feature's progress line plus a few
 * milliseconds). After each kill: the queue file passes {@code PRAGMA integrity_check}; every
 * feature the killed sync reported done has all its bodies in the queue (no acknowledged task
 * lost); a final sync and {@code drain --until-empty} bring the receiver to exactly the expected
 * (namespace, path, hash) set, each stored once, repeats only as {@code already_exists}.
 */
class KillDuringSyncTest {

  private static final Pattern DONE =
      Pattern.compile("^\\[(\\d+)/(\\d+)\\] (\\S+): \\d+ artifacts$");

  @TempDir Path dir;

  @Test
  void killedSyncOfAGeneratedCheckoutLosesNothingAcknowledged() throws Exception {
    Path specs = Checkouts.generated(dir.resolve("checkout"), pick(40, 80), pick(4, 8));
    rounds(specs, pick(2, 10), 1);
  }

  @Test
  void killedSyncOfTheRealCorpusLosesNothingAcknowledged() throws Exception {
    rounds(Checkouts.corpusInFullMode(), 2, 2);
  }

  private void rounds(Path specs, int rounds, long salt) throws Exception {
    Map<String, Set<BodyKey>> expectedByFeature =
        Deliveries.acknowledgedByFeature(Recovery.syncNoDrain(specs, dir.resolve("baseline.db")));
    Set<BodyKey> expected =
        Set.copyOf(expectedByFeature.values().stream().flatMap(Set::stream).toList());
    int features = expectedByFeature.size();
    long seed = ReliabilityMode.seed() + salt;
    Random random = new Random(seed);
    int kills = 0;
    long started = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      Path db = dir.resolve("sync-" + round + ".db");
      int afterFeatures = 1 + random.nextInt(Math.max(1, features - 2));
      int extraMillis = random.nextInt(25);
      List<String> done;
      boolean killed;
      try (ChildDossier child =
          ChildDossier.start(
              Recovery.env(),
              "sync",
              specs.toString(),
              "--no-drain",
              "--json",
              "--db",
              db.toString())) {
        killed = child.awaitStderr(line -> DONE.matcher(line).matches(), afterFeatures, 120_000);
        Thread.sleep(extraMillis);
        killed = killed && child.alive();
        child.kill();
        done = child.stderr();
      }
      kills += killed ? 1 : 0;
      assertThat(Files.exists(db)).as("round %d: the queue file exists", round).isTrue();
      QueueFile queue = new QueueFile(db);
      assertThat(queue.integrityCheck()).as("round %d: integrity_check", round).isEqualTo("ok");
      Set<BodyKey> inQueue = queue.bodyTasks();
      int acknowledged = 0;
      for (String line : done) {
        Matcher m = DONE.matcher(line);
        if (m.matches()) {
          acknowledged++;
          assertThat(inQueue)
              .as("round %d: bodies of %s, reported done before the kill", round, m.group(3))
              .containsAll(expectedByFeature.get(m.group(3)));
        }
      }
      try (ReferenceReceiver receiver = Recovery.receiver()) {
        Recovery.syncAndDrainToTheEnd(specs, db, receiver);
        long repeats = Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
        System.out.printf(
            "[reliability] sync-kill seed=%d round=%d killed=%b after=%d+%dms"
                + " features_done=%d/%d tasks_on_disk=%d expected=%d already_exists=%d%n",
            seed,
            round,
            killed,
            afterFeatures,
            extraMillis,
            acknowledged,
            features,
            inQueue.size(),
            expected.size(),
            repeats);
      }
    }
    System.out.printf(
        "[reliability] sync-kill summary: %d rounds, %d kills, %d bodies per round," + " %d ms%n",
        rounds, kills, expected.size(), (System.nanoTime() - started) / 1_000_000);
    assertThat(kills).as("rounds whose sync was killed while running").isPositive();
  }
}
