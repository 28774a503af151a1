package io.dossiersync.core.drain;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushOutcome;
import io.dossiersync.core.transport.PushResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body half of a round (PRODUCT.md §4.1): claims ready bodies a batch at a time and pushes
 * them on the engine's executor, whose {@code concurrency} threads bound the sends in flight. A
 * whole batch is handed to the executor at once, so the round's thread claims the next batch
 * while the previous one is being sent (the claim's transaction overlaps the HTTP exchanges); it
 * hands that batch out as the previous one drains. The bodies in memory are thus bounded by two
 * claim batches plus the concurrency, never by the queue length.
 * Delivered bodies are deleted from the queue a claim batch at a time, on the engine's store
 * writer thread ({@link DeliveredBodies}), so that no sender waits for the store.
 */
final class BodyDrain {

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);
  /** How often a round waiting for its sends checks whether it was stopped meanwhile. */
  private static final long STOP_CHECK_MILLIS = 50;

  private final DrainRound round;
  private final BodyQueue queue;
  private final ExecutorService executor;
  /** Tasks handed to the executor and not yet finished: the batch being sent plus those running. */
  private final int handedOut;
  private final Semaphore inFlight;
  private final DeliveredBodies delivered;
  private final Queue<Handoff> waiting = new ConcurrentLinkedQueue<>();
  private boolean shutDown;

  BodyDrain(DrainRound round, ExecutorService executor, Executor storeWriter) {
    this.round = round;
    this.queue = round.settings.store().bodies();
    this.executor = executor;
    this.handedOut = round.settings.concurrency() + round.settings.bodyClaimBatchSize();
    this.inFlight = new Semaphore(handedOut);
    this.delivered = new DeliveredBodies(queue, round.settings.bodyClaimBatchSize(), storeWriter,
        (body, deleted) -> {
          if (deleted) {
            record(body.body(), body.status(), body.reason(), Optional.empty());
          }
        },
        (body, error) -> keepWithBackoff(body.body(),
            "store_error: " + error.getClass().getSimpleName()));
  }

  /**
   * Sends every ready body of the round's scope whose namespace has no pending event, until none
   * is left or the round stops; then waits for the sends in flight. A stopped round gives back
   * at once every claimed body no sender has started. When the waiting thread is interrupted it
   * stops claiming, releases what it has not handed out or no sender started, and returns at
   * once; the sends in flight still record their results.
   */
  void run() {
    try {
      while (!round.stopped() && !shutDown) {
        List<ClaimedBody> batch = queue.claim(round.claim(round.settings.bodyClaimBatchSize(), true));
        if (batch.isEmpty()) {
          break;
        }
        dispatch(batch);
      }
    } finally {
      awaitInFlight();
      delivered.close();
    }
  }

  /** A claimed body handed to the executor; taken once, by its sender or by the stop. */
  private static final class Handoff {
    final ClaimedBody body;
    final AtomicBoolean taken = new AtomicBoolean();

    Handoff(ClaimedBody body) {
      this.body = body;
    }
  }

  /**
   * Gives back at once the bodies handed to the executor that no sender has started, so that a
   * stop leaves them claimable instead of leased until their lease expires.
   */
  private void releaseWaiting() {
    for (Handoff handoff; (handoff = waiting.poll()) != null; ) {
      if (handoff.taken.compareAndSet(false, true)) {
        try {
          release(handoff.body, stopReason());
        } finally {
          inFlight.release();
        }
      }
    }
  }

  private void dispatch(List<ClaimedBody> batch) {
    for (int i = 0; i < batch.size(); i++) {
      ClaimedBody body = batch.get(i);
      if (round.stopped() || !acquire()) {
        batch.subList(i, batch.size()).forEach(b -> release(b, stopReason()));
        return;
      }
      Handoff handoff = new Handoff(body);
      waiting.add(handoff);
      try {
        executor.execute(() -> {
          if (handoff.taken.compareAndSet(false, true)) {
            waiting.remove(handoff);
            sendAndRelease(body);
          }
        });
      } catch (RejectedExecutionException e) {
        shutDown = true;
        waiting.remove(handoff);
        inFlight.release();
        batch.subList(i, batch.size()).forEach(b -> release(b, "drain_stopped"));
        return;
      }
    }
  }

  private boolean acquire() {
    try {
      inFlight.acquire();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits until every handed-out body is finished; as soon as the round stops (or this thread is
   * interrupted), gives back the bodies no sender has started instead of waiting for them.
   */
  private void awaitInFlight() {
    boolean releasedWaiting = false;
    try {
      do {
        if (!releasedWaiting && (round.stopped() || shutDown)) {
          releaseWaiting();
          releasedWaiting = true;
        }
      } while (!inFlight.tryAcquire(handedOut, STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS));
      inFlight.release(handedOut);
    } catch (InterruptedException e) {
      releaseWaiting();
      Thread.currentThread().interrupt();
    }
  }


  private void sendAndRelease(ClaimedBody body) {
    try {
      if (round.stopped()) {
        release(body, stopReason());
      } else {
        apply(body, sendWithRefresh(body));
      }
    } catch (RuntimeException e) {
      LOG.warn("could not record the result of body {}:{} ({}): {}",
          body.task().namespace().featureSlug(), body.task().artifactPath(),
          body.task().uploadId(), e.toString(), e);
      keepWithBackoff(body, "store_error: " + e.getClass().getSimpleName());
    } finally {
      inFlight.release();
    }
  }

  private PushResult sendWithRefresh(ClaimedBody body) {
    Optional<AccessToken> token = round.auth.current();
    PushResult result = push(body.task());
    if (result.outcome() == PushOutcome.UNAUTHORIZED && round.auth.mayRetry(token)) {
      result = push(body.task());
      if (result.outcome() == PushOutcome.UNAUTHORIZED) {
        round.auth.pause();
      }
    }
    return result;
  }

  private PushResult push(BodyUploadTask task) {
    try {
      return round.settings.content().push(PushContentRequest.of(task));
    } catch (RuntimeException e) {
      return PushResult.networkError(TransportErrors.reason(e));
    }
  }

  private void apply(ClaimedBody body, PushResult result) {
    switch (result.outcome()) {
      case UPLOADED -> complete(body, TaskStatus.UPLOADED, result.reason());
      case ALREADY_EXISTS -> complete(body, TaskStatus.ALREADY_EXISTS, result.reason());
      case UNAUTHORIZED -> release(body, result.reason());
      case FAILED -> fail(body, result.reason());
      case RETRY -> retry(body, result);
    }
  }

  private void complete(ClaimedBody body, TaskStatus status, String reason) {
    delivered.add(body, status, reason);
  }

  private void retry(ClaimedBody body, PushResult result) {
    Optional<Instant> next = round.retryAt(body.retryCount() + 1, result.retryAfter());
    if (next.isEmpty()) {
      fail(body, "retry_ceiling: " + result.reason());
    } else if (queue.reschedule(body, next.get(), result.reason())) {
      record(body, TaskStatus.RETRY, result.reason(), next);
    }
  }

  private void fail(ClaimedBody body, String reason) {
    if (queue.fail(body, reason, round.now())) {
      record(body, TaskStatus.FAILED, reason, Optional.empty());
    }
  }

  private void release(ClaimedBody body, String reason) {
    try {
      if (queue.release(body)) {
        record(body, TaskStatus.RELEASED, reason, Optional.empty());
      }
    } catch (RuntimeException e) {
      LOG.warn("body {} stays leased until its lease expires: {}", body.task().uploadId(),
          e.toString());
    }
  }

  private void keepWithBackoff(ClaimedBody body, String reason) {
    try {
      retry(body, PushResult.networkError(reason));
    } catch (RuntimeException e) {
      LOG.warn("body {} stays leased until its lease expires: {}", body.task().uploadId(),
          e.toString());
    }
  }

  private String stopReason() {
    return round.auth.paused() ? "unauthorized" : "drain_stopped";
  }

  private void record(ClaimedBody claimed, TaskStatus status, String reason, Optional<Instant> next) {
    BodyUploadTask task = claimed.task();
    round.record(new TaskResult(TaskKind.BODY, task.uploadId(), task.namespace(),
        task.artifactPath(), Optional.of(task.contentHash()), status, reason, next, 0, Duration.ZERO));
  }
}
