package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event half of a round (PRODUCT.md §4.2), on the round thread: claims the ready events a batch
 * at a time and keeps up to {@code concurrency} batches in flight, as bodies are (so that a distant
 * receiver's latency is paid once per window, not once per batch), renewing the leases of every
 * batch in flight while it waits, and applies the answer of every piece a sender sent, in one
 * transaction per batch, the same as the next batch's claim:
 *
 * <ul>
 *   <li>delivered: success and duplicate delete the event, rejected fails it ({@code rejected:
 *       <error>}), a missing result retries it;
 *   <li>401: the batch is given back untouched;
 *   <li>413 for one event: {@code rejected: payload_too_large}; 400 for one event: {@code rejected:
 *       validation_error[: detail]} (the sender split larger batches);
 *   <li>retryable and unexpected answers keep the batch with backoff, each failure counting toward
 *       the retry ceiling.
 * </ul>
 *
 * <p>Batches in flight together may reach the receiver in either order; PRODUCT.md orders events
 * before bodies (R1), never one batch before another (a batch in backoff already lets later ones
 * pass). Every batch is answered, given back or abandoned before the bodies start.
 */
final class EventDrain {

  private final DrainRound round;
  private final EventQueue queue;
  private final Senders senders;
  private final Inbox inbox;
  private final ResultBatch<ClaimedEvent> pending;
  private final Set<List<ClaimedEvent>> inFlight =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private final int window;
  private boolean exhausted;

  EventDrain(DrainRound round, Senders senders, Inbox inbox) {
    this.round = round;
    this.queue = round.settings.store().events();
    this.senders = senders;
    this.inbox = inbox;
    this.pending = new ResultBatch<>(round, queue);
    this.window = round.settings.concurrency();
  }

  /**
   * Sends every ready event of the round's scope, until none is left or the round stops, then waits
   * for the batches still in flight. The answers waiting are written in the same transaction as the
   * next batch's claim.
   *
   * @throws io.dossiersync.core.queue.QueueStoreException from a claim, after the batches in flight
   *     were given back
   */
  void run() {
    try {
      while (true) {
        claimWhileRoom();
        if (inFlight.isEmpty()) {
          return;
        }
        handle(inbox.take(this::renew));
        for (Sent more = inbox.poll(); more != null; more = inbox.poll()) {
          handle(more);
        }
        if (exhausted || round.stopped()) {
          pending.write();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      releaseInFlight();
    } catch (RuntimeException e) {
      releaseInFlight();
      throw e;
    } finally {
      pending.write();
    }
  }

  /** Claims and submits batches while fewer than the window are in flight and more are ready. */
  private void claimWhileRoom() {
    int size = round.settings.eventBatchSize();
    while (!exhausted && inFlight.size() < window && !round.stopped()) {
      List<ClaimedEvent> batch = pending.writeAndClaim(round.claim(size, false));
      exhausted = batch.size() < size;
      if (batch.isEmpty()) {
        return;
      }
      if (round.stopped() || !submit(batch)) {
        batch.forEach(e -> pending.release(e, round.stopReason()));
        return;
      }
      inFlight.add(batch);
    }
  }

  private void handle(Sent sent) {
    if (sent == Sent.Wake.INSTANCE) {
      if (round.abandoned()) {
        releaseInFlight();
      } else if (round.pastDeadlineSeen()) {
        round.abortInFlight();
      }
      return;
    }
    if (sent instanceof Sent.Events events && !inFlight.remove(events.batch())) {
      return;
    }
    if (sent instanceof Sent.Failed failed && !inFlight.remove(failed.events())) {
      return;
    }
    apply(sent);
  }

  /** Gives back every batch in flight: a late answer is ignored, and the events sent again. */
  private void releaseInFlight() {
    inFlight.forEach(batch -> batch.forEach(e -> pending.release(e, DrainReasons.DRAIN_STOPPED)));
    inFlight.clear();
  }

  /** Writes the answers waiting, then renews the leases of every batch in flight. */
  private void renew() {
    pending.write();
    List<ClaimedEvent> held = new ArrayList<>();
    inFlight.forEach(held::addAll);
    round.renew(queue, held);
  }

  private boolean submit(List<ClaimedEvent> batch) {
    try {
      senders.sendEvents(batch);
      return true;
    } catch (RejectedExecutionException e) {
      round.shutDown();
      return false;
    }
  }

  private void apply(Sent sent) {
    if (sent instanceof Sent.Failed failed) {
      failed.events().forEach(e -> pending.release(e, DrainReasons.DRAIN_STOPPED));
      round.fatal(failed.failure());
      return;
    }
    for (Sent.Piece piece : ((Sent.Events) sent).pieces()) {
      for (ClaimedEvent event : piece.events()) {
        applyOne(event, piece.result(), piece.took(), verdicts(piece.result()));
      }
    }
  }

  private static Map<String, EventResult> verdicts(EventBatchResult result) {
    return result.results().stream()
        .collect(Collectors.toMap(EventResult::eventId, Function.identity(), (a, b) -> a));
  }

  private void applyOne(
      ClaimedEvent event,
      EventBatchResult result,
      Duration took,
      Map<String, EventResult> verdicts) {
    int http = result.httpStatus();
    switch (result.outcome()) {
      case DELIVERED, ALREADY_EXISTS -> {
        EventResult verdict = verdicts.get(event.event().eventId());
        if (verdict == null) {
          pending.retry(event, DrainReasons.MISSING_RESULT, result.retryAfter(), http, took);
        } else if (verdict.status() == EventResultStatus.REJECTED) {
          pending.fail(
              event,
              DrainReasons.REJECTED + verdict.error().map(e -> ": " + e).orElse(""),
              http,
              took);
        } else {
          pending.complete(
              event, TaskStatus.SENT, verdict.status().name().toLowerCase(Locale.ROOT), http, took);
        }
      }
      case UNAUTHORIZED -> pending.release(event, result.reason());
      case TOO_LARGE -> pending.fail(event, DrainReasons.PAYLOAD_TOO_LARGE, http, took);
      case INVALID ->
          pending.fail(event, DrainReasons.validationError(result.reason()), http, took);
      case FAILED ->
          pending.fail(event, DrainReasons.REJECTED + ": " + result.reason(), http, took);
      case RETRY, UNEXPECTED_STATUS -> {
        if (round.pastDeadlineSeen() && result.httpStatus() == 0) {
          pending.release(event, DrainReasons.DRAIN_STOPPED);
        } else {
          pending.retry(event, result.reason(), result.retryAfter(), http, took);
        }
      }
    }
  }
}
