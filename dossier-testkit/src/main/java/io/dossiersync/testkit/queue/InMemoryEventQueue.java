package io.dossiersync.testkit.queue;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;

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
                state.events, events, now, EventRecord::eventId, e -> state.events.get(e.eventId())));
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
  public int complete(List<ClaimedEvent> events) {
    return forEachHeld(events, state.events::remove);
  }

  @Override
  public int reschedule(List<ClaimedEvent> events, Instant nextAttemptAt, String lastError) {
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(lastError, "lastError");
    return forEachHeld(events, e -> state.events.reschedule(e, nextAttemptAt, lastError));
  }

  @Override
  public int release(List<ClaimedEvent> events) {
    return forEachHeld(events, e -> e.lease = null);
  }

  @Override
  public boolean fail(ClaimedEvent event, String reason, Instant now) {
    return state.locked(
        () -> {
          Optional<InMemoryEntry<EventRecord>> held = held(event);
          held.ifPresent(
              e -> {
                state.events.remove(e);
                state.addFailure(
                    FailureKind.EVENT,
                    e,
                    e.task.namespace(),
                    InMemoryEventFacts.artifactPath(e.task),
                    InMemoryEventFacts.contentHash(e.task),
                    reason,
                    now);
              });
          return held.isPresent();
        });
  }

  /** Every settlement under the store lock at once: all or nothing, like one transaction. */
  @Override
  public List<Settlement<ClaimedEvent>> settle(List<Settlement<ClaimedEvent>> settlements) {
    return state.locked(() -> EventQueue.super.settle(settlements));
  }

  @Override
  public List<ClaimedEvent> renew(List<ClaimedEvent> held, Instant until) {
    Objects.requireNonNull(until, "until");
    return state.locked(
        () -> {
          List<ClaimedEvent> renewed = new ArrayList<>(held.size());
          for (ClaimedEvent c : held) {
            state.events.held(c.event().eventId(), c.lease())
                .ifPresent(
                    e -> {
                      e.lease = new Lease(c.lease().owner(), until);
                      renewed.add(c);
                    });
          }
          return renewed;
        });
  }

  @Override
  public long pending(ProjectScope scope) {
    return state.locked(() -> state.events.count(scope));
  }

  @Override
  public Optional<Instant> nextDue(ProjectScope scope) {
    return state.locked(() -> state.events.nextDue(scope));
  }

  @Override
  public Optional<Instant> nextAttempt(ProjectScope scope) {
    return state.locked(() -> state.events.nextAttempt(scope));
  }

  @Override
  public SortedSet<String> projects() {
    return state.locked(state.events::projects);
  }

  /**
   * Re-queues a failed event as new. Dropped when it is pending again, or when a pending event
   * with its coalesce key exists (that one is newer); kept as a record when the queue is full.
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

  /** Applies {@code action} to each event still held under its claim; counts them. */
  private int forEachHeld(List<ClaimedEvent> events, Consumer<InMemoryEntry<EventRecord>> action) {
    return state.locked(
        () -> {
          int done = 0;
          for (ClaimedEvent claimed : events) {
            Optional<InMemoryEntry<EventRecord>> held = held(claimed);
            held.ifPresent(action);
            done += held.isPresent() ? 1 : 0;
          }
          return done;
        });
  }

  private Optional<InMemoryEntry<EventRecord>> held(ClaimedEvent claimed) {
    return state.events.held(claimed.event().eventId(), claimed.lease());
  }
}
