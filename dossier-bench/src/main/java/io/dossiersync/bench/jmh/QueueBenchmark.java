package io.dossiersync.bench.jmh;

import io.dossiersync.bench.BenchTasks;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SQLite queue's enqueue path, one thread, a fresh file per iteration pre-filled with 10,000
 * tasks: a batch enqueue of 100 fresh 4 KiB tasks (one transaction). Scores are per task. The
 * drain's side is {@link ClaimBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
      "-Dorg.jooq.no-logo=true",
      "-Dorg.jooq.no-tips=true"
    })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class QueueBenchmark {

  private static final int ENQUEUE_BATCH = 100;
  private static final int PREFILL = 10_000;

  // Set by the setup methods before any benchmark method runs.
  private Path dir;
  private SqliteQueueStore store;
  private List<BodyUploadTask> nextBatch;
  private int next;

  /** A fresh queue file, pre-filled so that the enqueue meets a queue of realistic size. */
  @Setup(Level.Iteration)
  public void openStore() throws IOException {
    dir = Files.createTempDirectory("dossier-bench-queue");
    store = BenchTasks.openStore(dir.resolve("queue.db"), Integer.MAX_VALUE);
    BenchTasks.enqueue(store, PREFILL);
    next = PREFILL;
  }

  /** Builds the next enqueue batch outside the measured time. */
  @Setup(Level.Invocation)
  public void makeBatch() {
    nextBatch = BenchTasks.tasks(next, ENQUEUE_BATCH);
    next += ENQUEUE_BATCH;
  }

  /** Closes and deletes the file. */
  @TearDown(Level.Iteration)
  public void closeStore() throws IOException {
    store.close();
    BenchTasks.deleteQueueFile(dir.resolve("queue.db"));
    Files.deleteIfExists(dir);
  }

  /**
   * One batch enqueue of 100 new tasks.
   *
   * @return the result
   */
  @Benchmark
  @OperationsPerInvocation(ENQUEUE_BATCH)
  public EnqueueResult enqueueBatchOf100() {
    EnqueueResult result = store.bodies().enqueue(nextBatch, Instant.now());
    if (result.count(EnqueueStatus.ENQUEUED) != ENQUEUE_BATCH) {
      throw new IllegalStateException("not every task was enqueued");
    }
    return result;
  }
}
