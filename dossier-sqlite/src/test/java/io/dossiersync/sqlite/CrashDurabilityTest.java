package io.dossiersync.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ProjectScope;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during enqueue loses no acknowledged task and never corrupts the file: a child JVM
 * enqueues in a loop and is killed with {@code destroyForcibly()} at a random moment, 10 rounds on
 * one file; after each, the file passes {@code PRAGMA integrity_check}, opens, and holds every
 * upload id the child printed as acknowledged.
 */
class CrashDurabilityTest {

  private static final int ROUNDS = 10;

  @TempDir Path dir;

  @Test
  void killMinus9DuringEnqueueLosesNoAcknowledgedTaskAndNeverCorruptsTheFile() throws Exception {
    Path file = dir.resolve("queue.db");
    Random random = new Random(20_260_301);
    Set<String> acknowledged = new HashSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      try (ChildJvm child =
          ChildJvm.start(
              EnqueueUntilKilled.class,
              dir.resolve("child-" + round + ".err"),
              file.toString(),
              String.valueOf(round))) {
        assertThat(child.awaitReady(60)).as("child %d opened the queue", round).isTrue();
        Thread.sleep(100 + random.nextInt(900));
        child.kill();
        child.lines().stream()
            .filter(line -> line.startsWith("ack ") && line.length() == 30)
            .forEach(line -> acknowledged.add(line.substring(4)));
      }
      assertThat(SqliteFiles.text(file, "PRAGMA integrity_check")).isEqualTo("ok");
      Set<String> stored = SqliteFiles.strings(file, "SELECT upload_id FROM body_queue");
      assertThat(stored)
          .as("round %d: acknowledged tasks on disk", round)
          .containsAll(acknowledged);
      try (SqliteQueueStore store = SqliteQueueStore.builder().path(file).build()) {
        assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(stored.size());
      }
      System.out.printf(
          "round %d: %d acknowledged, %d stored%n", round, acknowledged.size(), stored.size());
    }
    assertThat(acknowledged).as("the children acknowledged tasks before being killed").isNotEmpty();
  }
}
