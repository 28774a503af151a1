package io.dossiersync.core.drain;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.core.transport.PushResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The body half of a round (PRODUCT.md §4.1), on the round thread, the only writer: it keeps at
 * most {@code concurrency} pushes in flight, claims more when fewer than {@code concurrency}
 * claimed bodies wait to be sent (claiming {@code limit − held}, with {@code limit = concurrency +
 * bodyClaimBatchSize}, db-scheduler's upper-limit rule), takes each answer from the result queue
 * and writes the answers waiting in the same transaction as that claim ({@code settleAndClaim}), or
 * on their own once {@code bodyClaimBatchSize} wait and no claim is due; always after handing the
 * senders new work, so that no sender waits for a commit. Stopping: nothing more is sent, the
 * claimed-unsent bodies are given back at once, the pushes in flight are waited for (each is
 * bounded by the transport's deadline) and their answers written.
 */
final class BodyDrain {

  private final DrainRound round;
  private final BodyQueue queue;
  private final Senders senders;
  private final Inbox inbox;
  private final ResultBatch<ClaimedBody> pending;
  private final Deque<ClaimedBody> unsent = new ArrayDeque<>();
  private final Map<String, ClaimedBody> inFlight = new LinkedHashMap<>();
  private final int concurrency;
  private final int limit;
  private boolean exhausted;
  private @Nullable QueueStoreException claimError;

  BodyDrain(DrainRound round, Senders senders, Inbox inbox) {
    this.round = round;
    this.queue = round.settings.store().bodies();
    this.senders = senders;
    this.inbox = inbox;
    this.pending = new ResultBatch<>(round, queue);
    this.concurrency = round.settings.concurrency();
    this.limit = concurrency + round.settings.bodyClaimBatchSize();
  }

  /**
   * Sends every ready body of the round's scope whose namespace has no pending event, until none is
   * left or the round stops. When the round thread is interrupted (a stop past its timeout) it
   * gives back every body it holds, unsent or in flight, and returns at once: a push that still
   * ends well has its body sent again by a later drain, which the receiver answers {@code
   * already_exists} (at least once).
   *
   * @throws QueueStoreException from a claim, after the pushes in flight ended
   */
  void run() {
    try {
      while (true) {
        boolean stop = round.stopped() || claimError != null;
        if (stop) {
          releaseUnsent();
        } else {
          submitWhileRoom();
          claimIfLow();
          submitWhileRoom();
        }
        if (inFlight.isEmpty()) {
          if (unsent.isEmpty() && (exhausted || stop)) {
            break;
          }
          continue;
        }
        handle(inbox.take(this::renew));
        for (Sent more = inbox.poll(); more != null; more = inbox.poll()) {
          handle(more);
        }
        if (!round.stopped()) {
          submitWhileRoom();
        }
        if (pending.size() >= round.settings.bodyClaimBatchSize() && !claimDue()) {
          pending.write();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      releaseUnsent();
      inFlight.values().forEach(b -> pending.release(b, DrainReasons.DRAIN_STOPPED));
      inFlight.clear();
    } finally {
      pending.write();
    }
    if (claimError != null) {
      throw claimError;
    }
  }

  /** True when the next pass claims: the answers waiting are then written with that claim. */
  private boolean claimDue() {
    return !exhausted && unsent.size() < concurrency && want() >= 1 && !round.stopped();
  }

  private int want() {
    return limit - inFlight.size() - unsent.size();
  }

  /**
   * Claims {@code limit − held} bodies when few are left to send, writing the answers waiting in
   * the same transaction ({@link ResultBatch#writeAndClaim}).
   */
  private void claimIfLow() {
    if (!claimDue()) {
      return;
    }
    int want = want();
    try {
      List<ClaimedBody> claimed = pending.writeAndClaim(round.claim(want, true));
      exhausted = claimed.size() < want;
      for (ClaimedBody body : claimed) {
        if (round.indexEventFailed(body)) {
          pending.fail(body, DrainReasons.INDEX_EVENT_FAILED, 0, Duration.ZERO);
        } else {
          unsent.add(body);
        }
      }
    } catch (QueueStoreException e) {
      claimError = e;
    }
  }

  private void submitWhileRoom() {
    while (inFlight.size() < concurrency && !unsent.isEmpty() && !round.stopped()) {
      ClaimedBody body = unsent.poll();
      inFlight.put(body.task().uploadId(), body);
      try {
        senders.sendBody(body);
      } catch (RejectedExecutionException e) {
        inFlight.remove(body.task().uploadId());
        pending.release(body, DrainReasons.DRAIN_STOPPED);
        round.shutDown();
      }
    }
  }

  /** Gives back at once (written now) every claimed body not sent yet. */
  private void releaseUnsent() {
    if (unsent.isEmpty()) {
      return;
    }
    String reason = round.stopReason();
    for (ClaimedBody body = unsent.poll(); body != null; body = unsent.poll()) {
      pending.release(body, reason);
    }
    pending.write();
  }

  private void handle(Sent sent) {
    if (sent == Sent.Wake.INSTANCE) {
      if (round.abandoned()) {
        inFlight.values().forEach(b -> pending.release(b, DrainReasons.DRAIN_STOPPED));
        inFlight.clear();
      } else if (round.pastDeadlineSeen() && !inFlight.isEmpty()) {
        round.abortInFlight();
      }
      return;
    }
    if (sent instanceof Sent.Failed failed) {
      failed
          .body()
          .forEach(
              b -> {
                inFlight.remove(b.task().uploadId());
                pending.release(b, DrainReasons.DRAIN_STOPPED);
              });
      round.fatal(failed.failure());
      return;
    }
    Sent.Body done = (Sent.Body) sent;
    inFlight.remove(done.uploadId());
    PushResult result = done.result();
    ClaimedBody body = done.body();
    int http = result.httpStatus();
    switch (result.outcome()) {
      case DELIVERED ->
          pending.complete(body, TaskStatus.UPLOADED, result.reason(), http, done.took());
      case ALREADY_EXISTS ->
          pending.complete(body, TaskStatus.ALREADY_EXISTS, result.reason(), http, done.took());
      case UNAUTHORIZED -> pending.release(body, result.reason());
      case FAILED, TOO_LARGE, INVALID -> pending.fail(body, result.reason(), http, done.took());
      case RETRY, UNEXPECTED_STATUS -> {
        if (round.pastDeadlineSeen() && http == 0) {
          pending.release(body, DrainReasons.DRAIN_STOPPED);
        } else {
          pending.retry(body, result.reason(), result.retryAfter(), http, done.took());
        }
      }
    }
  }

  /** Writes the answers waiting, then renews the leases of what is in flight or unsent. */
  private void renew() {
    pending.write();
    List<ClaimedBody> held = new ArrayList<>(inFlight.values());
    held.addAll(unsent);
    round.renew(queue, held);
  }
}
