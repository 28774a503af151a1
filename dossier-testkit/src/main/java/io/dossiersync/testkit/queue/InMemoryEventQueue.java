package io.dossiersync.testkit.queue;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The event queue of an {@link InMemoryQueueStore}; every call runs under the store lock. */
final class InMemoryEventQueue extends InMemoryTaskQueue<EventRecord, ClaimedEvent>
    implements EventQueue {

  InMemoryEventQueue(InMemoryState state) {
    super(state, state.events, FailureKind.EVENT);
  }

  @Override
  public EnqueueResult enqueue(List<EventRecord> events, Instant now) {
    return state.locked(
        () ->
            state.enqueue(
                state.events,
                events,
                now,
                EventRecord::eventId,
                e -> state.events.get(e.eventId())));
  }

  @Override
  public List<ClaimedEvent> claim(ClaimRequest request) {
    return state.locked(
        () ->
            state.events.claim(request, e -> true).stream()
                .map(e -> new ClaimedEvent(e.task, e.retryCount, e.createdAt, request.lease()))
                .toList());
  }

  @Override
  Optional<String> artifactPath(EventRecord event) {
    return InMemoryEventFacts.artifactPath(event);
  }

  @Override
  Optional<String> contentHash(EventRecord event) {
    return InMemoryEventFacts.contentHash(event);
  }

  /**
   * Re-queues a failed event as new. Dropped when it is pending again, or when a pending event with
   * its coalesce key exists (that one is newer); kept as a record when the queue is full.
   */
  InMemoryRequeue requeue(EventRecord event, Instant now) {
    if (state.events.get(event.eventId()).isPresent()
        || state.events.replaceable(event).isPresent()) {
      return InMemoryRequeue.DROPPED;
    }
    if (!state.hasRoom(state.events)) {
      return InMemoryRequeue.KEPT;
    }
    state.events.add(event.eventId(), event, now);
    return InMemoryRequeue.REQUEUED;
  }
}
