package io.dossiersync.bench;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.internal.Sha256;
import io.dossiersync.core.internal.UlidGenerator;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic workload shared by the scenarios and the micro-benchmarks: distinct 4 KiB Markdown
 * bodies of one namespace and a queue file holding them. Stateless.
 */
public final class BenchTasks {

  /** Every synthetic body is this many bytes (ASCII). */
  public static final int BODY_BYTES = 4096;

  /** The namespace of every synthetic body. */
  public static final NamespaceRef NAMESPACE =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "900-bench-feature", "main", "software-dev", "1");

  private static final int ENQUEUE_BATCH = 1_000;

  private BenchTasks() {}

  /**
   * Builds distinct tasks: {@code docs/body-<i>.md}, each body {@value #BODY_BYTES} bytes.
   *
   * @param first the index of the first task
   * @param count how many
   * @return the tasks, with fresh ULID upload ids
   */
  public static List<BodyUploadTask> tasks(int first, int count) {
    UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SecureRandom());
    List<BodyUploadTask> tasks = new ArrayList<>(count);
    for (int i = first; i < first + count; i++) {
      tasks.add(task(ids.get(), i));
    }
    return tasks;
  }

  /**
   * One task.
   *
   * @param uploadId its upload id
   * @param i its index, which makes the path and the body distinct
   * @return the task
   */
  public static BodyUploadTask task(String uploadId, int i) {
    String head = String.format(Locale.ROOT, "# Body %09d\n\n", i);
    StringBuilder body = new StringBuilder(BODY_BYTES).append(head);
    while (body.length() < BODY_BYTES) {
      body.append("lorem ipsum dolor sit amet, spec text line ")
          .append(body.length() % 97)
          .append('\n');
    }
    body.setLength(BODY_BYTES - 1);
    body.append('\n');
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    return new BodyUploadTask(
        uploadId,
        NAMESPACE,
        String.format(Locale.ROOT, "docs/body-%09d.md", i),
        Sha256.hex(bytes),
        body.toString(),
        bytes.length);
  }

  /**
   * Opens a queue file big enough for {@code capacity} bodies.
   *
   * @param file the file
   * @param capacity the most bodies it must hold
   * @return the open store
   */
  public static SqliteQueueStore openStore(Path file, int capacity) {
    return SqliteQueueStore.builder()
        .path(file)
        .maxQueueSize(Math.max(capacity, SqliteQueueStore.Builder.DEFAULT_MAX_QUEUE_SIZE))
        .build();
  }

  /**
   * Deletes a queue file with its WAL and shared-memory files, if present.
   *
   * @param db the queue file
   * @throws IOException when a file exists but cannot be deleted
   */
  public static void deleteQueueFile(Path db) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
    }
  }

  /**
   * Enqueues {@code count} fresh tasks in batches of 1,000, never holding more in memory.
   *
   * @param store the store
   * @param count how many
   * @throws IllegalStateException when the store did not enqueue one of them
   */
  public static void enqueue(QueueStore store, int count) {
    enqueue(store, 0, count);
  }

  /**
   * Enqueues the tasks {@code first} to {@code first + count - 1} in batches of 1,000, never
   * holding more in memory. Tasks of distinct indexes have distinct paths, so a later call with a
   * new {@code first} adds new tasks even while earlier ones are pending.
   *
   * @param store the store
   * @param first the index of the first task
   * @param count how many
   * @throws IllegalStateException when the store did not enqueue one of them
   */
  public static void enqueue(QueueStore store, int first, int count) {
    for (int from = first; from < first + count; from += ENQUEUE_BATCH) {
      List<BodyUploadTask> batch = tasks(from, Math.min(ENQUEUE_BATCH, first + count - from));
      long enqueued = store.bodies().enqueue(batch, Instant.now()).count(EnqueueStatus.ENQUEUED);
      if (enqueued != batch.size()) {
        throw new IllegalStateException(
            "enqueued " + enqueued + " of " + batch.size() + " bench tasks");
      }
    }
  }
}
