package io.dossiersync.bench.jmh;

import io.dossiersync.bench.BenchTasks;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.time.Duration;
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
 * The SQLite queue's drain path, one thread, a fresh file per iteration ({@link QueueFileState}):
 * claim a batch of 64 ready 4 KiB tasks (one {@code UPDATE ... RETURNING}), then delete them with
 * one {@code completeAll}, as the drain engine does per claim batch. The queue is topped up outside
 * the measured time whenever fewer than a batch remain, so it never runs dry. Scores are per task.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClaimBenchmark extends BenchmarkDefaults {

  private static final int BATCH = DrainEngine.DEFAULT_BODY_CLAIM_BATCH_SIZE;
  private static final int TOP_UP = 10_000;

  // Set by startIteration() before any benchmark method runs.
  private SqliteQueueStore store;
  private int ready;
  private int next;

  /**
   * Takes the iteration's fresh, empty queue file.
   *
   * @param queue the thread's queue file for this iteration, opened before this runs
   */
  @Setup(Level.Iteration)
  public void startIteration(QueueFileState queue) {
    store = queue.store;
    ready = 0;
    next = 0;
  }

  /**
   * Tops the queue up with {@value #TOP_UP} ready tasks, outside the measured time, when a claim
   * would find too few.
   */
  @Setup(Level.Invocation)
  public void topUp() {
    if (ready < BATCH) {
      BenchTasks.enqueue(store, next, TOP_UP);
      next += TOP_UP;
      ready += TOP_UP;
    }
  }

  /**
   * Claims a batch of ready tasks, then completes (deletes) them together.
   *
   * @return the completed tasks
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<ClaimedBody> claimBatchThenCompleteAll() {
    List<ClaimedBody> claimed =
        store
            .bodies()
            .claim(
                new ClaimRequest(
                    BATCH,
                    Instant.now(),
                    Duration.ofMinutes(10),
                    "bench",
                    ProjectScope.all(),
                    true));
    if (claimed.size() != BATCH) {
      throw new IllegalStateException("claimed " + claimed.size() + " of " + BATCH);
    }
    ready -= BATCH;
    List<ClaimedBody> completed =
        store
            .bodies()
            .settle(claimed.stream().map(c -> Settlement.complete(c, Instant.EPOCH)).toList())
            .stream()
            .map(Settlement::claimed)
            .toList();
    if (completed.size() != BATCH) {
      throw new IllegalStateException("completed " + completed.size() + " of " + BATCH);
    }
    return completed;
  }
}
