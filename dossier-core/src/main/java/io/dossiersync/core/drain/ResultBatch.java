package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results the round thread has decided and not yet written: {@link #write()} applies them
 * in one call to the queue ({@link io.dossiersync.core.queue.EventQueue#settle}, one transaction)
 * and then reports to the listener only the tasks whose settlement took effect. When the store
 * fails, every task of the batch is kept with backoff ({@code store_error: <class>}) in a second
 * call; when that fails too, the tasks stay leased until their leases expire. Round thread only.
 *
 * @param <C> the claimed task type
 */
final class ResultBatch<C> {

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);

  private final DrainRound round;
  private final QueueSide<C> side;
  private final List<Settlement<C>> settlements = new ArrayList<>();
  private final List<TaskResult> results = new ArrayList<>();

  ResultBatch(DrainRound round, QueueSide<C> side) {
    this.round = round;
    this.side = side;
  }

  /** A delivered task: deleted. */
  void complete(C claimed, TaskStatus status, String reason, int httpStatus, Duration took) {
    add(Settlement.complete(claimed, round.now()),
        side.result(claimed, status, reason, Optional.empty(), httpStatus, took));
  }

  /** A failed attempt: kept with backoff, or moved to the failure records past the ceiling. */
  void retry(C claimed, String reason, Optional<Duration> retryAfter, int httpStatus,
      Duration took) {
    Optional<Instant> next = round.retryAt(side.retryCount(claimed) + 1, retryAfter);
    if (next.isEmpty()) {
      fail(claimed, "retry_ceiling: " + reason, httpStatus, took);
      return;
    }
    add(Settlement.reschedule(claimed, next.get(), reason, round.now()),
        side.result(claimed, TaskStatus.RETRY, reason, next, httpStatus, took));
  }

  /** A refused task: moved to the failure records. */
  void fail(C claimed, String reason, int httpStatus, Duration took) {
    add(Settlement.fail(claimed, reason, round.now()),
        side.result(claimed, TaskStatus.FAILED, reason, Optional.empty(), httpStatus, took));
  }

  /** A task given back untouched (token rejected, drain stopped). */
  void release(C claimed, String reason) {
    add(Settlement.release(claimed, round.now()),
        side.result(claimed, TaskStatus.RELEASED, reason, Optional.empty(), 0, Duration.ZERO));
  }

  int size() {
    return settlements.size();
  }

  /** Writes every decision in one call and reports those that took effect; empties the batch. */
  void write() {
    if (settlements.isEmpty()) {
      return;
    }
    List<Settlement<C>> batch = List.copyOf(settlements);
    List<TaskResult> told = List.copyOf(results);
    settlements.clear();
    results.clear();
    try {
      report(batch, told, side.settle(batch));
    } catch (RuntimeException e) {
      LOG.warn("could not record {} drain results in the queue; keeping them with backoff: {}",
          batch.size(), e.toString(), e);
      batch.forEach(s -> retry(s.claimed(), "store_error: " + e.getClass().getSimpleName(),
          Optional.empty(), 0, Duration.ZERO));
      List<Settlement<C>> retries = List.copyOf(settlements);
      List<TaskResult> retried = List.copyOf(results);
      settlements.clear();
      results.clear();
      try {
        report(retries, retried, side.settle(retries));
      } catch (RuntimeException again) {
        LOG.warn("{} tasks stay leased until their leases expire: {}", retries.size(),
            again.toString());
      }
    }
  }

  private void report(List<Settlement<C>> batch, List<TaskResult> told,
      List<Settlement<C>> applied) {
    Set<Settlement<C>> done = new HashSet<>(applied);
    for (int i = 0; i < batch.size(); i++) {
      if (done.contains(batch.get(i))) {
        TaskResult result = told.get(i);
        if (result.status() == TaskStatus.FAILED
            && batch.get(i).claimed() instanceof ClaimedEvent event) {
          round.eventFailed(event.event());
        }
        round.record(result);
      }
    }
  }

  private void add(Settlement<C> settlement, TaskResult result) {
    settlements.add(settlement);
    results.add(result);
  }
}
