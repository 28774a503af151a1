package io.dossiersync.postgres;

import static io.dossiersync.postgres.TestTasks.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two syncs, each with its own store and connections as two processes would have, enqueue
 * overlapping features at the same moment, over and over: the schema's advisory lock keeps
 * idempotency and supersede exact (never two pending versions of one path, never a duplicate row).
 */
class ConcurrentEnqueueTest {

  private static final NamespaceRef NS = namespace("001-overlap");
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void overlappingSyncsLeaveOneVersionPerPathAndNoDuplicates() throws Exception {
    String schema = PostgresServer.freshSchema();
    int rounds = 20;
    int paths = 50;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (PostgresQueueStore a = PostgresServer.open(schema);
        PostgresQueueStore b = PostgresServer.open(schema)) {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<?>> syncs = new ArrayList<>();
      for (PostgresQueueStore store : List.of(a, b)) {
        syncs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < rounds; round++) {
                    List<BodyUploadTask> tasks = new ArrayList<>();
                    for (int p = 0; p < paths; p++) {
                      String hash =
                          "r" + round + "p" + p; // both syncs write the same version per round
                      tasks.add(
                          new BodyUploadTask("u-" + hash, NS, "doc-" + p + ".md", hash, hash, 2));
                    }
                    start.await();
                    store.bodies().enqueue(tasks, T0.plusMillis(round));
                  }
                  return null;
                }));
      }
      for (Future<?> sync : syncs) {
        sync.get();
      }
      assertThat(a.bodies().pending(ProjectScope.all())).isEqualTo(paths);
      List<ClaimedBody> all =
          a.bodies()
              .claim(
                  new ClaimRequest(
                      10 * paths,
                      T0.plusSeconds(60),
                      Duration.ofMinutes(1),
                      "check",
                      ProjectScope.all(),
                      false));
      Map<String, String> hashByPath = new HashMap<>();
      all.forEach(c -> hashByPath.put(c.task().artifactPath(), c.task().contentHash()));
      assertThat(all).hasSize(paths);
      assertThat(hashByPath)
          .hasSize(paths)
          .allSatisfy((path, hash) -> assertThat(hash).startsWith("r" + (rounds - 1) + "p"));
    } finally {
      pool.shutdownNow();
    }
  }
}
