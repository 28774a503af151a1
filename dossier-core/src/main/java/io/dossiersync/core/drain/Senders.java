package io.dossiersync.core.drain;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TransportOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The sending half of a round: runs each request on the engine's send threads and puts what came
 * back on the round's result queue. Senders never touch the queue store and never call a listener;
 * they measure each request with the monotonic clock and retry once after a 401 when the round's
 * {@link AuthGate} has a fresh token. An event batch answered 413 or 400 is split in halves and
 * each half sent again, recursively (PRODUCT.md §4.2), down to single events.
 *
 * <p>Bodies wait for a send thread on a queue of their own ({@link #sendBody}), so a thread that
 * finishes a push starts the next body at once, without waiting for the round thread, and the round
 * thread can take back the bodies no thread has started ({@link #takeBack}).
 */
final class Senders {

  private final DrainRound round;
  private final Executor executor;
  private final BlockingQueue<Sent> results;
  private final Queue<ClaimedBody> ready = new ConcurrentLinkedQueue<>();

  Senders(DrainRound round, Executor executor, BlockingQueue<Sent> results) {
    this.round = round;
    this.executor = executor;
    this.results = results;
  }

  /**
   * Sends an event batch on a send thread.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the engine is closed
   */
  void sendEvents(List<ClaimedEvent> batch) {
    executor.execute(
        () -> {
          try {
            results.add(new Sent.Events(batch, sendSplitting(batch)));
          } catch (Throwable t) {
            results.add(new Sent.Failed(batch, List.of(), t));
          }
        });
  }

  /**
   * Hands a body to the send threads: the first free one pushes it, unless the round takes it back
   * first.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the engine is closed; the body
   *     then waits for {@link #takeBack}
   */
  void sendBody(ClaimedBody body) {
    ready.add(body);
    executor.execute(this::pushNextReady);
  }

  /**
   * Takes back every body handed to the send threads that none has started.
   *
   * @return the bodies taken back, in the order they were handed over
   */
  List<ClaimedBody> takeBack() {
    ClaimedBody first = ready.poll();
    if (first == null) {
      return List.of();
    }
    List<ClaimedBody> back = new ArrayList<>();
    for (ClaimedBody body = first; body != null; body = ready.poll()) {
      back.add(body);
    }
    return back;
  }

  /** Pushes the oldest body waiting, if the round did not take it back. */
  private void pushNextReady() {
    ClaimedBody body = ready.poll();
    if (body == null) {
      return;
    }
    try {
      long start = round.settings.nanoTime().getAsLong();
      PushResult result = pushWithRefresh(body.task());
      Duration took = Duration.ofNanos(round.settings.nanoTime().getAsLong() - start);
      results.add(new Sent.Body(withoutText(body), body.task().uploadId(), result, took));
    } catch (Throwable t) {
      results.add(new Sent.Failed(List.of(), List.of(body), t));
    }
  }

  /** Sends {@code batch}; a 413 or 400 for several events sends each half again on its own. */
  private List<Sent.Piece> sendSplitting(List<ClaimedEvent> batch) {
    if (round.auth.paused()) {
      return List.of(
          new Sent.Piece(
              batch,
              EventBatchResult.notDelivered(
                  TransportOutcome.UNAUTHORIZED, 0, "unauthorized", Optional.empty()),
              Duration.ZERO));
    }
    long start = round.settings.nanoTime().getAsLong();
    EventBatchResult result = round.auth.send(() -> send(batch), EventBatchResult::outcome);
    Duration took = Duration.ofNanos(round.settings.nanoTime().getAsLong() - start);
    boolean split =
        result.outcome() == TransportOutcome.TOO_LARGE
            || result.outcome() == TransportOutcome.INVALID;
    if (!split || batch.size() < 2) {
      return List.of(new Sent.Piece(batch, result, took));
    }
    int half = batch.size() / 2;
    List<Sent.Piece> pieces = new ArrayList<>(sendSplitting(batch.subList(0, half)));
    pieces.addAll(sendSplitting(batch.subList(half, batch.size())));
    return pieces;
  }

  private EventBatchResult send(List<ClaimedEvent> batch) {
    List<EventRecord> events = batch.stream().map(ClaimedEvent::event).toList();
    try {
      return round.settings.events().send(events);
    } catch (RuntimeException e) {
      return EventBatchResult.notDelivered(
          TransportOutcome.RETRY, 0, TransportErrors.reason(e), Optional.empty());
    }
  }

  private PushResult pushWithRefresh(BodyUploadTask task) {
    if (round.auth.paused()) {
      return PushResult.of(TransportOutcome.UNAUTHORIZED, 0, "unauthorized");
    }
    return round.auth.send(() -> push(task), PushResult::outcome);
  }

  private PushResult push(BodyUploadTask task) {
    try {
      return round.settings.content().push(PushContentRequest.of(task));
    } catch (RuntimeException e) {
      return PushResult.networkError(TransportErrors.reason(e));
    }
  }

  /**
   * The body as the round keeps it once sent: completing and reporting use the id, lease,
   * namespace, path and hash, so a result waiting to be written holds no body text.
   */
  private static ClaimedBody withoutText(ClaimedBody body) {
    BodyUploadTask task = body.task();
    return new ClaimedBody(
        new BodyUploadTask(
            task.uploadId(),
            task.namespace(),
            task.artifactPath(),
            task.contentHash(),
            "",
            task.sizeBytes()),
        body.retryCount(),
        body.createdAt(),
        body.lease());
  }
}
