package io.dossiersync.core.drain;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.ClaimedTask;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.SettledAndClaimed;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.core.queue.TaskQueue;
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
 * The results the round thread has decided and not yet written: {@link #write()} applies them in
 * one call to the queue ({@link TaskQueue#settle}, one transaction), {@link #writeAndClaim} in the
 * same transaction as the next claim ({@link TaskQueue#settleAndClaim}); either then reports to the
 * listener only the tasks whose settlement took effect. When the store fails, every task of the
 * batch is kept with backoff ({@code store_error: <class>}) in a second call; when that fails too,
 * the tasks stay leased until their leases expire. Round thread only.
 *
 * @param <C> the claimed task type
 */
final class ResultBatch<C extends ClaimedTask> {

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);

  private final DrainRound round;
  private final TaskQueue<C> queue;
  private final List<Settlement<C>> settlements = new ArrayList<>();
  private final List<TaskResult> results = new ArrayList<>();

  ResultBatch(DrainRound round, TaskQueue<C> queue) {
    this.round = round;
    this.queue = queue;
  }

  /** A delivered task: deleted. */
  void complete(C claimed, TaskStatus status, String reason, int httpStatus, Duration took) {
    add(
        Settlement.complete(claimed, round.now()),
        told(claimed, status, reason, Optional.empty(), httpStatus, took));
  }

  /** A failed attempt: kept with backoff, or moved to the failure records past the ceiling. */
  void retry(
      C claimed, String reason, Optional<Duration> retryAfter, int httpStatus, Duration took) {
    Optional<Instant> next = round.retryAt(claimed.retryCount() + 1, retryAfter);
    if (next.isEmpty()) {
      fail(claimed, DrainReasons.RETRY_CEILING + ": " + reason, httpStatus, took);
      return;
    }
    add(
        Settlement.reschedule(claimed, next.get(), reason, round.now()),
        told(claimed, TaskStatus.RETRY, reason, next, httpStatus, took));
  }

  /** A refused task: moved to the failure records. */
  void fail(C claimed, String reason, int httpStatus, Duration took) {
    add(
        Settlement.fail(claimed, reason, round.now()),
        told(claimed, TaskStatus.FAILED, reason, Optional.empty(), httpStatus, took));
  }

  /** A task given back untouched (token rejected, drain stopped). */
  void release(C claimed, String reason) {
    add(
        Settlement.release(claimed, round.now()),
        told(claimed, TaskStatus.RELEASED, reason, Optional.empty(), 0, Duration.ZERO));
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
    clear();
    try {
      report(batch, told, queue.settle(batch));
    } catch (RuntimeException e) {
      keepWithBackoff(batch, e);
    }
  }

  /**
   * Writes every decision and claims the next tasks in one transaction; reports the decisions that
   * took effect and empties the batch. When that transaction fails, the decisions are written as
   * {@link #write()} does (kept with backoff if the store fails them) and the claim is tried once
   * more on its own, whose failure the caller gets.
   *
   * @throws io.dossiersync.core.queue.QueueStoreException when the claim alone fails too
   */
  List<C> writeAndClaim(ClaimRequest request) {
    List<Settlement<C>> batch = List.copyOf(settlements);
    List<TaskResult> told = List.copyOf(results);
    SettledAndClaimed<C> done;
    try {
      done = queue.settleAndClaim(batch, request);
    } catch (RuntimeException e) {
      LOG.debug(
          "settling {} results with a claim failed; trying them apart: {}",
          batch.size(),
          e.toString());
      write();
      return queue.claim(request);
    }
    clear();
    report(batch, told, done.settled());
    return done.claimed();
  }

  private void keepWithBackoff(List<Settlement<C>> batch, RuntimeException e) {
    LOG.warn(
        "could not record {} drain results in the queue; keeping them with backoff: {}",
        batch.size(),
        e.toString(),
        e);
    batch.forEach(
        s ->
            retry(
                s.claimed(),
                DrainReasons.STORE_ERROR + ": " + e.getClass().getSimpleName(),
                Optional.empty(),
                0,
                Duration.ZERO));
    List<Settlement<C>> retries = List.copyOf(settlements);
    List<TaskResult> retried = List.copyOf(results);
    clear();
    try {
      report(retries, retried, queue.settle(retries));
    } catch (RuntimeException again) {
      LOG.warn(
          "{} tasks stay leased until their leases expire: {}", retries.size(), again.toString());
    }
  }

  private void clear() {
    settlements.clear();
    results.clear();
  }

  private void report(
      List<Settlement<C>> batch, List<TaskResult> told, List<Settlement<C>> applied) {
    // By task id (a call settles each task at most once, as the port says): a settlement's own
    // equality would hash its whole task, an event's payload included.
    Set<String> done = new HashSet<>();
    applied.forEach(s -> done.add(s.claimed().taskId()));
    for (int i = 0; i < batch.size(); i++) {
      if (done.contains(batch.get(i).claimed().taskId())) {
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

  /** The listener's view of a result: never a body. */
  private static TaskResult told(
      ClaimedTask claimed,
      TaskStatus status,
      String reason,
      Optional<Instant> next,
      int httpStatus,
      Duration took) {
    if (claimed instanceof ClaimedBody body) {
      BodyUploadTask task = body.task();
      return new TaskResult(
          TaskKind.BODY,
          task.uploadId(),
          task.namespace(),
          task.artifactPath(),
          Optional.of(task.contentHash()),
          status,
          reason,
          next,
          httpStatus,
          took);
    }
    EventRecord event = ((ClaimedEvent) claimed).event();
    return new TaskResult(
        TaskKind.EVENT,
        event.eventId(),
        event.namespace(),
        event.aggregateId(),
        Optional.empty(),
        status,
        reason,
        next,
        httpStatus,
        took);
  }
}
