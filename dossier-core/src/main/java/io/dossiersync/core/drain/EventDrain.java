package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event half of a round (PRODUCT.md §4.2), on the round thread: claims the ready events a batch
 * at a time, hands each batch to a sender, waits for its answer (renewing the batch's leases
 * meanwhile) and applies the answer of every piece the sender sent, in one transaction per batch,
 * the same as the next batch's claim:
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
 */
final class EventDrain {

  private final DrainRound round;
  private final EventQueue queue;
  private final Senders senders;
  private final Inbox inbox;
  private final ResultBatch<ClaimedEvent> pending;

  EventDrain(DrainRound round, Senders senders, Inbox inbox) {
    this.round = round;
    this.queue = round.settings.store().events();
    this.senders = senders;
    this.inbox = inbox;
    this.pending = new ResultBatch<>(round, queue);
  }

  /**
   * Sends every ready event of the round's scope, until none is left or the round stops. The
   * answers of a batch are written in the same transaction as the claim of the next batch.
   *
   * @throws io.dossiersync.core.queue.QueueStoreException from a claim
   */
  void run() {
    try {
      while (!round.stopped()) {
        List<ClaimedEvent> batch =
            pending.writeAndClaim(round.claim(round.settings.eventBatchSize(), false));
        if (batch.isEmpty()) {
          return;
        }
        if (round.stopped() || !submit(batch)) {
          batch.forEach(e -> pending.release(e, round.stopReason()));
          return;
        }
        Optional<Sent> sent = await(batch);
        if (sent.isEmpty()) {
          batch.forEach(event -> pending.release(event, DrainReasons.DRAIN_STOPPED));
          return;
        }
        apply(sent.get());
      }
    } finally {
      pending.write();
    }
  }

  /** The answer to {@code batch}, renewing its leases meanwhile; empty when the round gave up. */
  private Optional<Sent> await(List<ClaimedEvent> batch) {
    try {
      Sent sent = inbox.take(() -> round.renew(queue, batch));
      while (sent == Sent.Wake.INSTANCE) {
        if (round.abandoned()) {
          return Optional.empty();
        }
        if (round.pastDeadlineSeen()) {
          round.abortInFlight();
        }
        sent = inbox.take(() -> round.renew(queue, batch));
      }
      return Optional.of(sent);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
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
