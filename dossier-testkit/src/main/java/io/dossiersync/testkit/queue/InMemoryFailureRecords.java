package io.dossiersync.testkit.queue;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailedIndexEvent;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.FailureRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The failure records of an {@link InMemoryQueueStore}; every call runs under the store lock. */
final class InMemoryFailureRecords implements FailureRecords {

  private final InMemoryState state;
  private final InMemoryEventQueue events;
  private final InMemoryBodyQueue bodies;

  InMemoryFailureRecords(InMemoryState state, InMemoryEventQueue events, InMemoryBodyQueue bodies) {
    this.state = state;
    this.events = events;
    this.bodies = bodies;
  }

  @Override
  public List<FailureRecord> list(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    return state.locked(
        () ->
            state.failures.values().stream()
                .limit(limit)
                .map(InMemoryState.Failure::record)
                .toList());
  }

  @Override
  public long count() {
    return state.locked(() -> (long) state.failures.size());
  }

  @Override
  public Set<FailedIndexEvent> failedIndexEvents() {
    return state.locked(() -> InMemoryIndexEventFailure.failedEvents(state));
  }

  @Override
  public int requeue(Collection<Long> ids, Instant now) {
    Objects.requireNonNull(now, "now");
    List<Long> wanted = List.copyOf(ids);
    return state.locked(() -> requeueLocked(wanted, now));
  }

  @Override
  public int requeueAll(Instant now) {
    Objects.requireNonNull(now, "now");
    return state.locked(() -> requeueLocked(new ArrayList<>(state.failures.keySet()), now));
  }

  private int requeueLocked(List<Long> ids, Instant now) {
    int requeued = 0;
    List<Long> all = new ArrayList<>(ids);
    for (Long id : ids) {
      InMemoryState.Failure failure = state.failures.get(id);
      if (failure != null && failure.task() instanceof EventRecord event) {
        InMemoryIndexEventFailure.followers(state, event).stream()
            .filter(follower -> !all.contains(follower))
            .forEach(all::add);
      }
    }
    for (Long id : all) {
      InMemoryState.Failure failure = state.failures.get(id);
      if (failure == null) {
        continue;
      }
      InMemoryRequeue verdict =
          failure.task() instanceof EventRecord event
              ? events.requeue(event, now)
              : bodies.requeue((BodyUploadTask) failure.task(), now);
      if (verdict != InMemoryRequeue.KEPT) {
        state.failures.remove(id);
      }
      requeued += verdict == InMemoryRequeue.REQUEUED ? 1 : 0;
    }
    return requeued;
  }
}
