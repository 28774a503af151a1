package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another connection holding the file's write lock (as another process would): the store waits for
 * it within the busy timeout, and past it fails with a clear message, writing nothing.
 */
class BusyFileTest {

  private static final BodyUploadTask TASK =
      new BodyUploadTask("01KT5YTQ000000000000000001", NS, "spec.md", "a".repeat(64), "# spec", 6);

  @TempDir Path dir;

  @Test
  void enqueueWaitsForAnotherWriterWithinTheBusyTimeout() throws Exception {
    Path file = dir.resolve("queue.db");
    try (SqliteQueueStore store =
            SqliteQueueStore.builder().path(file).busyTimeout(Duration.ofSeconds(20)).build();
        Connection other = SqliteFiles.open(file);
        Statement lock = other.createStatement()) {
      lock.execute("BEGIN IMMEDIATE");
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<List<EnqueueStatus>> enqueue =
          CompletableFuture.supplyAsync(
              () -> {
                started.countDown();
                return store.bodies().enqueue(List.of(TASK), Instant.now()).statuses();
              });
      started.await();
      Thread.sleep(200);
      assertThat(enqueue).isNotDone();
      lock.execute("COMMIT");
      assertThat(enqueue.get(30, TimeUnit.SECONDS)).containsExactly(EnqueueStatus.ENQUEUED);
    }
  }

  @Test
  void writeFailsWithAClearMessageWhenTheLockOutlastsTheBusyTimeout() throws Exception {
    Path file = dir.resolve("queue.db");
    try (SqliteQueueStore store =
            SqliteQueueStore.builder().path(file).busyTimeout(Duration.ofMillis(50)).build();
        Connection other = SqliteFiles.open(file);
        Statement lock = other.createStatement()) {
      lock.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> store.bodies().enqueue(List.of(TASK), Instant.now()))
          .isInstanceOf(QueueStoreException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("stayed locked by another process during enqueueing bodies");
      lock.execute("ROLLBACK");
      assertThat(store.bodies().pending(ProjectScope.all())).isZero();
    }
  }
}
