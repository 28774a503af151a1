package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.NS;
import static io.dossiersync.sqlite.TestTasks.T0;
import static io.dossiersync.sqlite.TestTasks.claimAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two store instances on one file (separate pools and in-process locks, so they meet only at
 * SQLite's file lock, as two processes would): enqueuers and drainers run at the same time on both;
 * every enqueued task is claimed exactly once and nothing is lost.
 */
class TwoStoresOneFileTest {

  @TempDir Path dir;

  @Test
  void concurrentEnqueueAndDrainThroughTwoStoresOnOneFileLoseNothingAndNeverOverlap()
      throws Exception {
    Path file = dir.resolve("queue.db");
    Set<String> enqueued = ConcurrentHashMap.newKeySet();
    Map<String, Integer> claims = new ConcurrentHashMap<>();
    AtomicBoolean enqueueing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (QueueStore one = SqliteQueueStore.builder().path(file).build();
        QueueStore two = SqliteQueueStore.builder().path(file).build()) {
      List<Callable<Void>> work = new ArrayList<>();
      work.add(enqueuer(one, "a", enqueued));
      work.add(enqueuer(two, "b", enqueued));
      for (int d = 0; d < 4; d++) {
        work.add(drainer(d % 2 == 0 ? one : two, "drainer-" + d, claims, enqueueing));
      }
      List<Future<Void>> futures = new ArrayList<>();
      for (Callable<Void> job : work) {
        futures.add(pool.submit(job));
      }
      futures.get(0).get(60, TimeUnit.SECONDS);
      futures.get(1).get(60, TimeUnit.SECONDS);
      enqueueing.set(false);
      for (Future<Void> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
      assertThat(one.bodies().pending(ProjectScope.all())).isZero();
    } finally {
      pool.shutdownNow();
    }
    assertThat(enqueued).hasSize(2 * 20 * 10);
    assertThat(claims.keySet()).isEqualTo(enqueued);
    assertThat(claims.values()).containsOnly(1);
  }

  private static Callable<Void> enqueuer(QueueStore store, String prefix, Set<String> enqueued) {
    return () -> {
      for (int batch = 0; batch < 20; batch++) {
        List<BodyUploadTask> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          String id = String.format(Locale.ROOT, "01%s%023d", prefix, batch * 10 + i);
          tasks.add(
              new BodyUploadTask(
                  id,
                  NS,
                  "research/" + id + ".md",
                  id + "0".repeat(38),
                  "# " + id,
                  2 + id.length()));
        }
        List<EnqueueStatus> statuses = store.bodies().enqueue(tasks, T0).statuses();
        assertThat(statuses).containsOnly(EnqueueStatus.ENQUEUED);
        tasks.forEach(t -> enqueued.add(t.uploadId()));
      }
      return null;
    };
  }

  private static Callable<Void> drainer(
      QueueStore store, String owner, Map<String, Integer> claims, AtomicBoolean enqueueing) {
    return () -> {
      while (true) {
        boolean more = enqueueing.get();
        List<ClaimedBody> batch =
            store.bodies().claim(claimAll(7, T0, Duration.ofMinutes(5), owner));
        for (ClaimedBody body : batch) {
          claims.merge(body.task().uploadId(), 1, Integer::sum);
          assertThat(store.bodies().settle(List.of(Settlement.complete(body, T0)))).hasSize(1);
        }
        if (batch.isEmpty() && !more) {
          return null;
        }
      }
    };
  }
}
