package io.dossiersync.core.queue;

import io.dossiersync.core.NamespaceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link FailureRecords#INDEX_EVENT_FAILED} rule of the in-memory store (PRODUCT.md §4.2):
 * when an {@code …ArtifactIndexed} event goes to the failure records, the bodies of the same
 * namespace, path and hash follow it at once; requeueing the event's record requeues them. Called
 * under the store lock. Stateless.
 */
final class InMemoryIndexEventFailure {

  private InMemoryIndexEventFailure() {}

  /** Moves the bodies waiting for {@code event}'s index entry to the failure records. */
  static void moveBodies(InMemoryState state, EventRecord event, Instant now) {
    Optional<BodyKey> key = BodyKey.of(event);
    if (key.isEmpty()) {
      return;
    }
    for (InMemoryEntry<BodyUploadTask> entry : new ArrayList<>(state.bodies.entries())) {
      if (key.get().matches(entry.task)) {
        state.bodies.remove(entry);
        state.addFailure(FailureKind.BODY, entry, entry.task.namespace(),
            Optional.of(entry.task.artifactPath()), Optional.of(entry.task.contentHash()),
            FailureRecords.INDEX_EVENT_FAILED, now);
      }
    }
  }

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
      return task.namespace().equals(namespace) && task.artifactPath().equals(path)
          && task.contentHash().equals(hash);
    }
  }
}
