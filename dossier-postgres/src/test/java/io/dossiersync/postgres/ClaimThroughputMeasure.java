package io.dossiersync.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Claim + complete throughput of the PostgreSQL and the SQLite store side by side, in one run,
 * with 1 and 4 drainers (each its own store instance, as separate processes would have): claim
 * 64 bodies of 1 KiB, complete them with one {@code completeAll}, until the queue is empty. A
 * figure, not a gate: it runs only on request,
 * {@code -Dgroups=measure -DexcludedGroups=none -Dtest=ClaimThroughputMeasure}; the only assertion
 * is that every task was completed exactly once.
 */
@Tag("measure")
class ClaimThroughputMeasure {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final int TASKS = 20_000;
  private static final int BATCH = 64;
  private static final NamespaceRef NS = new NamespaceRef(
      "11111111-2222-3333-4444-555555555555", "001-bench", "main", "software-dev", "1");

  @Test
  void claimAndCompleteWithOneAndFourDrainers() throws Exception {
    Path dir = Files.createTempDirectory("dossier-claim-measure");
    for (int round = 1; round <= 2; round++) {
      for (int drainers : new int[] {1, 4}) {
        String schema = PostgresServer.freshSchema();
        report("postgres", drainers, run(drainers, () -> PostgresQueueStore.builder()
            .url(PostgresServer.url()).schema(schema).maxQueueSize(Integer.MAX_VALUE).build()));
        Path file = dir.resolve("q-" + round + "-" + drainers + ".db");
        report("sqlite", drainers, run(drainers, () -> SqliteQueueStore.builder().path(file)
            .maxQueueSize(Integer.MAX_VALUE).build()));
      }
    }
  }

  private static void report(String store, int drainers, double perSecond) {
    System.out.printf("MEASURE %-8s drainers=%d claim+complete %,.0f tasks/s%n", store, drainers,
        perSecond);
  }

  /** Fills a fresh queue, then drains it with {@code drainers} threads; tasks per second. */
  private static double run(int drainers, Supplier<QueueStore> open) throws Exception {
    try (QueueStore filler = open.get()) {
      String body = "x".repeat(1024);
      for (int from = 0; from < TASKS; from += 1_000) {
        List<BodyUploadTask> tasks = new ArrayList<>();
        for (int i = from; i < from + 1_000; i++) {
          tasks.add(new BodyUploadTask("u" + i, NS, "doc-" + i + ".md", "h" + i, body, 1024));
        }
        filler.bodies().enqueue(tasks, T0);
      }
    }
    AtomicInteger completed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(drainers);
    List<QueueStore> stores = new ArrayList<>();
    for (int d = 0; d < drainers; d++) {
      stores.add(open.get());
    }
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int d = 0; d < drainers; d++) {
      QueueStore store = stores.get(d);
      String owner = "drainer-" + d;
      running.add(pool.submit(() -> {
        while (true) {
          List<ClaimedBody> claimed = store.bodies().claim(new ClaimRequest(BATCH,
              T0.plusSeconds(1), Duration.ofMinutes(5), owner, ProjectScope.all(),
              false));
          if (claimed.isEmpty()) {
            return null;
          }
          completed.addAndGet(store.bodies().settle(claimed.stream()
              .map(c -> Settlement.complete(c, T0)).toList()).stream().map(Settlement::claimed)
                  .toList().size());
        }
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    stores.forEach(QueueStore::close);
    assertThat(completed.get()).isEqualTo(TASKS);
    return TASKS / seconds;
  }
}
