package io.dossiersync.testkit.queue;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.NextDue;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.SettledAndClaimed;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/** The event queue of an {@link InMemoryQueueStore}; every call runs under the store lock. */
final class InMemoryEventQueue implements EventQueue {

  private final InMemoryState state;

  InMemoryEventQueue(InMemoryState state) {
    this.state = state;
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

  /** Every settlement under the store lock at once: all or nothing, like one transaction. */
  @Override
  public List<Settlement<ClaimedEvent>> settle(List<Settlement<ClaimedEvent>> settlements) {
    return state.locked(
        () ->
            state.events.settle(
                settlements,
                (e, s) ->
                    state.addFailure(
                        FailureKind.EVENT,
                        e,
                        e.task.namespace(),
                        InMemoryEventFacts.artifactPath(e.task),
                        InMemoryEventFacts.contentHash(e.task),
                        s.reason(),
                        s.at())));
  }

  /** Settles and claims under the store lock at once, like one transaction. */
  @Override
  public SettledAndClaimed<ClaimedEvent> settleAndClaim(
      List<Settlement<ClaimedEvent>> settlements, ClaimRequest request) {
    return state.locked(() -> EventQueue.super.settleAndClaim(settlements, request));
  }

  @Override
  public List<ClaimedEvent> renew(List<ClaimedEvent> held, Instant until) {
    return state.locked(() -> state.events.renew(held, until));
  }

  @Override
  public long pending(ProjectScope scope) {
    return state.locked(() -> state.events.count(scope));
  }

  @Override
  public NextDue nextDue(ProjectScope scope, Instant now) {
    return state.locked(() -> state.events.nextDue(scope, now));
  }

  @Override
  public SortedSet<String> projects() {
    return state.locked(state.events::projects);
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
