package io.dossiersync.testkit.queue;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailedIndexEvent;
import io.dossiersync.core.queue.FailureRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The requeue half of the {@link FailureRecords#INDEX_EVENT_FAILED} rule of the in-memory store
 * (PRODUCT.md §4.2): requeueing an {@code …ArtifactIndexed} event's record requeues the body
 * records of the same namespace, path and hash that the drain failed as {@code index_event_failed};
 * and the failed index events the drain reads ({@link FailureRecords#failedIndexEvents()}). Called
 * under the store lock. Stateless.
 */
final class InMemoryIndexEventFailure {

  private InMemoryIndexEventFailure() {}

  /** The ids of the body records that followed {@code event} to the failure records. */
  static List<Long> followers(InMemoryState state, EventRecord event) {
    Optional<BodyKey> key = BodyKey.of(event);
    List<Long> ids = new ArrayList<>();
    if (key.isEmpty()) {
      return ids;
    }
    for (Map.Entry<Long, InMemoryState.Failure> f : state.failures.entrySet()) {
      if (f.getValue().task() instanceof BodyUploadTask body
          && f.getValue().record().reason().equals(FailureRecords.INDEX_EVENT_FAILED)
          && key.get().matches(body)) {
        ids.add(f.getKey());
      }
    }
    return ids;
  }

  /** The index events among the records, one per key, with its latest failure time. */
  static Set<FailedIndexEvent> failedEvents(InMemoryState state) {
    Map<BodyKey, Instant> latest = new HashMap<>();
    for (InMemoryState.Failure f : state.failures.values()) {
      if (f.task() instanceof EventRecord event) {
        BodyKey.of(event)
            .ifPresent(
                key ->
                    latest.merge(key, f.record().lastFailedAt(), (a, b) -> a.isAfter(b) ? a : b));
      }
    }
    Set<FailedIndexEvent> events = new HashSet<>();
    latest.forEach(
        (key, at) -> events.add(new FailedIndexEvent(key.namespace(), key.path(), key.hash(), at)));
    return events;
  }

  /** The namespace, path and hash an index event announces. */
  private record BodyKey(NamespaceRef namespace, String path, String hash) {

    static Optional<BodyKey> of(EventRecord event) {
      if (!event.eventType().endsWith("ArtifactIndexed")) {
        return Optional.empty();
      }
      Optional<String> path = InMemoryEventFacts.artifactPath(event);
      Optional<String> hash = InMemoryEventFacts.contentHash(event);
      return path.isPresent() && hash.isPresent()
          ? Optional.of(new BodyKey(event.namespace(), path.get(), hash.get()))
          : Optional.empty();
    }

    boolean matches(BodyUploadTask task) {
      return task.namespace().equals(namespace)
          && task.artifactPath().equals(path)
          && task.contentHash().equals(hash);
    }
  }
}
