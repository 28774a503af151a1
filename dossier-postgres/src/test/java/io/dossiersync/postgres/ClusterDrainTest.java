package io.dossiersync.postgres;

import static io.dossiersync.postgres.TestTasks.namespace;
import static io.dossiersync.postgres.TestTasks.numberedBodies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ProjectScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four drainers in four child JVMs on one PostgreSQL schema, 20,000 queued tasks, their stdout as
 * the counting receiver; one drainer hangs holding a claimed batch and is killed with SIGKILL.
 * Every task reaches the receiver, none twice; no completion is applied twice; the killed drainer's
 * batch is pushed by the others only after its lease expired; the queue ends empty.
 */
class ClusterDrainTest {

  private static final int TASKS = 20_000;
  private static final long LEASE_MILLIS = 3_000;
  private static final NamespaceRef NS = namespace("001-cluster");

  @TempDir Path dir;

  @Test
  void fourDrainersShareTheQueueAndAKilledOnesTasksAreReclaimedAfterItsLease() throws Exception {
    String schema = PostgresServer.freshSchema();
    try (PostgresQueueStore store =
        PostgresQueueStore.builder()
            .url(PostgresServer.url())
            .schema(schema)
            .maxQueueSize(Integer.MAX_VALUE)
            .build()) {
      for (int from = 0; from < TASKS; from += 1_000) {
        store
            .bodies()
            .enqueue(numberedBodies(NS, from, from + 1_000), Instant.now().minusSeconds(1));
      }
    }
    List<Process> drainers = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      Path out = dir.resolve("drainer-" + d + ".out");
      outputs.add(out);
      drainers.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx128m",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ClusterDrainer.class.getName(),
                  PostgresServer.url(),
                  schema,
                  "drainer-" + d,
                  String.valueOf(LEASE_MILLIS),
                  d == 0 ? "3" : "-1")
              .redirectOutput(out.toFile())
              .redirectError(dir.resolve("drainer-" + d + ".err").toFile())
              .start());
    }
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (lines(outputs.get(0), "holding").isEmpty()
        && drainers.get(0).isAlive()
        && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    drainers.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Map<String, Long> held = new HashMap<>();
    for (String line : lines(outputs.get(0), "held ")) {
      held.put(line.split(" ")[1], Long.parseLong(line.split(" ")[2]));
    }
    assertThat(held).as("the killed drainer held a claimed batch").isNotEmpty();
    for (int d = 1; d < 4; d++) {
      assertThat(drainers.get(d).waitFor(240, TimeUnit.SECONDS)).as("drainer %d ends", d).isTrue();
      assertThat(drainers.get(d).exitValue()).as("drainer %d exit", d).isZero();
    }

    Map<String, List<long[]>> sends = new HashMap<>(); // id -> (drainer, time)
    List<String> completed = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      for (String line : lines(outputs.get(d), "sent ")) {
        String[] parts = line.split(" ");
        if (parts.length != 3) {
          continue;
        }
        sends
            .computeIfAbsent(parts[1], k -> new ArrayList<>())
            .add(new long[] {d, Long.parseLong(parts[2])});
      }
      lines(outputs.get(d), "completed ").forEach(l -> completed.add(l.substring(10)));
    }
    // The receiver got every task, and no completion was applied twice (the killed drainer may
    // have committed a completion it did not live to print: the queue being empty covers it).
    assertThat(sends).as("pushed at least once, none lost").hasSize(TASKS);
    assertThat(new HashSet<>(completed)).as("each completed once").hasSameSizeAs(completed);
    Set<String> resent = new HashSet<>();
    sends.forEach(
        (id, pushes) -> {
          for (int i = 1; i < pushes.size(); i++) {
            long[] first = pushes.get(0);
            assertThat(first[0])
                .as("%s pushed twice; the first push must be the killed one's", id)
                .isZero();
            assertThat(pushes.get(i)[1])
                .as("%s pushed again only after the lease", id)
                .isGreaterThanOrEqualTo(first[1] + LEASE_MILLIS - 50);
            resent.add(id);
          }
        });
    // The batch the killed drainer held was pushed by the others, each task once and only after
    // the lease had expired.
    held.forEach(
        (id, claimedAt) -> {
          assertThat(sends.get(id)).as("held %s pushed once by another drainer", id).hasSize(1);
          assertThat(sends.get(id).get(0)[0]).isNotZero();
          assertThat(sends.get(id).get(0)[1]).isGreaterThanOrEqualTo(claimedAt + LEASE_MILLIS - 50);
        });
    try (PostgresQueueStore store = PostgresServer.open(schema)) {
      assertThat(store.bodies().pending(ProjectScope.all())).isZero();
    }
    assertThat(resent).as("pushed twice").isEmpty();
  }

  private static List<String> lines(Path file, String prefix) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text = Files.readString(file);
    // A line the killed drainer did not finish writing is not a receipt.
    String whole = text.substring(0, text.lastIndexOf('\n') + 1);
    return whole.lines().filter(l -> l.startsWith(prefix)).toList();
  }
}
