package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.BatchOutcome;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event half of a round (PRODUCT.md §4.2): claims the ready events in batches, sends each
 * batch, and applies the answer per event. Runs on the round's thread, one batch at a time.
 */
final class EventDrain {

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);

  private final DrainRound round;
  private final EventQueue queue;

  EventDrain(DrainRound round) {
    this.round = round;
    this.queue = round.settings.store().events();
  }

  /** Sends every ready event of the round's scope, until none is left or the round stops. */
  void run() {
    while (!round.stopped()) {
      List<ClaimedEvent> batch = queue.claim(round.claim(round.settings.eventBatchSize(), false));
      if (batch.isEmpty()) {
        return;
      }
      if (round.stopped()) {
        release(batch, "drain_stopped");
        return;
      }
      EventBatchResult result = sendWithRefresh(batch);
      if (result.outcome() == BatchOutcome.UNAUTHORIZED) {
        release(batch, result.reason());
        return;
      }
      apply(batch, result);
    }
  }

  private EventBatchResult sendWithRefresh(List<ClaimedEvent> batch) {
    Optional<AccessToken> token = round.auth.current();
    EventBatchResult result = send(batch);
    if (result.outcome() == BatchOutcome.UNAUTHORIZED && round.auth.mayRetry(token)) {
      result = send(batch);
      if (result.outcome() == BatchOutcome.UNAUTHORIZED) {
        round.auth.pause();
      }
    }
    return result;
  }

  private EventBatchResult send(List<ClaimedEvent> batch) {
    List<EventRecord> events = batch.stream().map(ClaimedEvent::event).toList();
    try {
      return round.settings.events().send(events);
    } catch (RuntimeException e) {
      return EventBatchResult.notDelivered(
          BatchOutcome.RETRY, 0, TransportErrors.reason(e), Optional.empty());
    }
  }

  private void apply(List<ClaimedEvent> batch, EventBatchResult result) {
    Map<String, EventResult> verdicts =
        result.results().stream()
            .collect(Collectors.toMap(EventResult::eventId, Function.identity(), (a, b) -> a));
    for (ClaimedEvent event : batch) {
      try {
        applyOne(event, result, verdicts.get(event.event().eventId()));
      } catch (RuntimeException e) {
        LOG.warn("could not record the result of event {} ({}): {}", event.event().eventId(),
            event.event().aggregateId(), e.toString(), e);
        keepWithBackoff(event, "store_error: " + e.getClass().getSimpleName());
      }
    }
  }

  private void applyOne(ClaimedEvent event, EventBatchResult result, EventResult verdict) {
    switch (result.outcome()) {
      case TOO_LARGE, INVALID, UNEXPECTED_STATUS -> fail(event, result.reason());
      case DELIVERED -> {
        if (verdict == null) {
          retry(event, "missing_result", Optional.empty());
        } else if (verdict.status() == EventResultStatus.REJECTED) {
          fail(event, "rejected" + verdict.error().map(e -> ": " + e).orElse(""));
        } else if (queue.complete(List.of(event)) == 1) {
          record(event, TaskStatus.SENT, verdict.status().name().toLowerCase(Locale.ROOT),
              Optional.empty());
        }
      }
      default -> retry(event, result.reason(), result.retryAfter());
    }
  }

  private void retry(ClaimedEvent event, String reason, Optional<Duration> retryAfter) {
    Optional<Instant> next = round.retryAt(event.retryCount() + 1, retryAfter);
    if (next.isEmpty()) {
      fail(event, "retry_ceiling: " + reason);
    } else if (queue.reschedule(List.of(event), next.get(), reason) == 1) {
      record(event, TaskStatus.RETRY, reason, next);
    }
  }

  private void fail(ClaimedEvent event, String reason) {
    if (queue.fail(event, reason, round.now())) {
      record(event, TaskStatus.FAILED, reason, Optional.empty());
    }
  }

  private void keepWithBackoff(ClaimedEvent event, String reason) {
    try {
      retry(event, reason, Optional.empty());
    } catch (RuntimeException e) {
      LOG.warn("event {} stays leased until its lease expires: {}", event.event().eventId(),
          e.toString());
    }
  }

  private void release(List<ClaimedEvent> batch, String reason) {
    queue.release(batch);
    batch.forEach(e -> record(e, TaskStatus.RELEASED, reason, Optional.empty()));
  }

  private void record(ClaimedEvent claimed, TaskStatus status, String reason, Optional<Instant> next) {
    EventRecord event = claimed.event();
    round.record(new TaskResult(TaskKind.EVENT, event.eventId(), event.namespace(),
        event.aggregateId(), Optional.empty(), status, reason, next, 0, Duration.ZERO));
  }
}
