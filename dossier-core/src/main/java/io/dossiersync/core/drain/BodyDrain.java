package io.dossiersync.core.drain;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.core.transport.PushResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The body half of a round (PRODUCT.md §4.1), on the round thread, the only writer. Every claimed
 * body is handed to the senders at once ({@link Senders#sendBody}), so a send thread that ends a
 * push starts the next body without waiting for the round thread, and at most {@code concurrency}
 * pushes are in flight, one per send thread. The round claims again when at most half a claim batch
 * waits beyond the pushes in flight, so that the claim's transaction overlaps the pushes; it claims
 * {@code limit − held}, with {@code limit = concurrency + bodyClaimBatchSize} (db-scheduler's
 * upper-limit rule). It takes each answer from the result queue and writes the answers waiting in
 * the same transaction as that claim ({@code settleAndClaim}), or on their own once {@code
 * bodyClaimBatchSize} wait and no claim is due. Stopping: nothing more is claimed, the held bodies
 * no send thread started are taken back and given back at once, the pushes in flight are waited for
 * (each is bounded by the transport's deadline) and their answers written.
 */
final class BodyDrain {

  private final DrainRound round;
  private final BodyQueue queue;
  private final Senders senders;
  private final Inbox inbox;
  private final ResultBatch<ClaimedBody> pending;

  /** The claimed bodies handed to the senders whose answer has not come back, by upload id. */
  private final Map<String, ClaimedBody> held = new LinkedHashMap<>();

  private final int limit;
  private final int claimAtWant;
  private boolean exhausted;
  private @Nullable QueueStoreException claimError;

  BodyDrain(DrainRound round, Senders senders, Inbox inbox) {
    this.round = round;
    this.queue = round.settings.store().bodies();
    this.senders = senders;
    this.inbox = inbox;
    this.pending = new ResultBatch<>(round, queue);
    int batch = round.settings.bodyClaimBatchSize();
    this.limit = round.settings.concurrency() + batch;
    this.claimAtWant = Math.max(1, (batch + 1) / 2);
  }

  /**
   * Sends every ready body of the round's scope whose namespace has no pending event, until none is
   * left or the round stops. When the round thread is interrupted (a stop past its timeout) it
   * gives back every body it holds, started or not, and returns at once: a push that still ends
   * well has its body sent again by a later drain, which the receiver answers {@code
   * already_exists} (at least once).
   *
   * @throws QueueStoreException from a claim, after the pushes in flight ended
   */
  void run() {
    try {
      while (true) {
        boolean stop = round.stopped() || claimError != null;
        if (stop) {
          releaseUnstarted();
        } else {
          claimIfLow();
        }
        if (held.isEmpty()) {
          if (exhausted || stop) {
            break;
          }
          continue;
        }
        handle(inbox.take(this::renew));
        for (Sent more = inbox.poll(); more != null; more = inbox.poll()) {
          handle(more);
        }
        if (pending.size() >= round.settings.bodyClaimBatchSize() && !claimDue()) {
          pending.write();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      releaseUnstarted();
      held.values().forEach(b -> pending.release(b, DrainReasons.DRAIN_STOPPED));
      held.clear();
    } finally {
      pending.write();
    }
    if (claimError != null) {
      throw claimError;
    }
  }

  /**
   * True when the next pass claims (the answers waiting are then written with that claim): room for
   * at least half a claim batch, that is at most half a batch waits beyond the pushes in flight.
   */
  private boolean claimDue() {
    return !exhausted && room() >= claimAtWant && !round.stopped();
  }

  /** How many more bodies the round may hold: {@code limit − held}. */
  private int room() {
    return limit - held.size();
  }

  /**
   * Claims {@code limit − held} bodies when few are left to send, writing the answers waiting in
   * the same transaction ({@link ResultBatch#writeAndClaim}), and hands them to the senders.
   */
  private void claimIfLow() {
    if (!claimDue()) {
      return;
    }
    int want = room();
    List<ClaimedBody> claimed;
    try {
      claimed = pending.writeAndClaim(round.claim(want, true));
    } catch (QueueStoreException e) {
      claimError = e;
      return;
    }
    exhausted = claimed.size() < want;
    List<ClaimedBody> notHandedOut = new ArrayList<>();
    for (ClaimedBody body : claimed) {
      if (round.indexEventFailed(body)) {
        pending.fail(body, DrainReasons.INDEX_EVENT_FAILED, 0, Duration.ZERO);
      } else if (round.stopped()) {
        // the round stopped while handing this claim out: the rest is given back with the others
        notHandedOut.add(body);
      } else {
        handOut(body);
      }
    }
    giveBack(notHandedOut);
  }

  private void handOut(ClaimedBody body) {
    held.put(body.task().uploadId(), body);
    try {
      senders.sendBody(body);
    } catch (RejectedExecutionException e) {
      // The engine is closed: the round stops, with the bodies no send thread started given back.
      round.shutDown();
      releaseUnstarted();
    }
  }

  /** Gives back at once (written now) every held body no send thread started. */
  private void releaseUnstarted() {
    giveBack(senders.takeBack());
  }

  /** Gives back at once (written now) claimed bodies no send thread will start. */
  private void giveBack(List<ClaimedBody> bodies) {
    if (bodies.isEmpty()) {
      return;
    }
    String reason = round.stopReason();
    for (ClaimedBody body : bodies) {
      held.remove(body.task().uploadId());
      pending.release(body, reason);
    }
    pending.write();
  }

  private void handle(Sent sent) {
    if (sent == Sent.Wake.INSTANCE) {
      if (round.abandoned()) {
        senders.takeBack(); // released below with everything else held
        held.values().forEach(b -> pending.release(b, DrainReasons.DRAIN_STOPPED));
        held.clear();
      } else if (round.pastDeadlineSeen() && !held.isEmpty()) {
        releaseUnstarted();
        round.abortInFlight();
      }
      return;
    }
    if (sent instanceof Sent.Failed failed) {
      failed
          .body()
          .forEach(
              b -> {
                held.remove(b.task().uploadId());
                pending.release(b, DrainReasons.DRAIN_STOPPED);
              });
      round.fatal(failed.failure());
      return;
    }
    Sent.Body done = (Sent.Body) sent;
    held.remove(done.uploadId());
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

  /** Writes the answers waiting, then renews the leases of every held body, started or not. */
  private void renew() {
    pending.write();
    round.renew(queue, new ArrayList<>(held.values()));
  }
}
