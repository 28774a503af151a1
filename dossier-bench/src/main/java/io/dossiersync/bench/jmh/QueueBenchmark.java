package io.dossiersync.bench.jmh;

import io.dossiersync.bench.BenchTasks;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SQLite queue's enqueue path, one thread, a fresh file per iteration ({@link QueueFileState})
 * pre-filled with 10,000 tasks: a batch enqueue of 100 fresh 4 KiB tasks (one transaction). Scores
 * are per task. The drain's side is {@link ClaimBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QueueBenchmark extends BenchmarkDefaults {

  private static final int ENQUEUE_BATCH = 100;
  private static final int PREFILL = 10_000;

  // Set by the setup methods before any benchmark method runs.
  private SqliteQueueStore store;
  private List<BodyUploadTask> nextBatch;
  private int next;

  /**
   * Pre-fills the iteration's fresh queue file so that the enqueue meets a queue of realistic size.
   *
   * @param queue the thread's queue file for this iteration, opened before this runs
   */
  @Setup(Level.Iteration)
  public void prefill(QueueFileState queue) {
    store = queue.store;
    BenchTasks.enqueue(store, PREFILL);
    next = PREFILL;
  }

  /** Builds the next enqueue batch outside the measured time. */
  @Setup(Level.Invocation)
  public void makeBatch() {
    nextBatch = BenchTasks.tasks(next, ENQUEUE_BATCH);
    next += ENQUEUE_BATCH;
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
