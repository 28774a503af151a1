package io.dossiersync.testkit.queue;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.QueueStoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The body queue of an {@link InMemoryQueueStore}; every call runs under the store lock. */
final class InMemoryBodyQueue extends InMemoryTaskQueue<BodyUploadTask, ClaimedBody>
    implements BodyQueue {

  InMemoryBodyQueue(InMemoryState state) {
    super(state, state.bodies, FailureKind.BODY);
  }

  @Override
  public EnqueueResult enqueue(List<BodyUploadTask> tasks, Instant now) {
    return state.locked(
        () -> {
          rejectUploadIdClashes(tasks);
          return state.enqueue(
              state.bodies, tasks, now, BodyUploadTask::uploadId, this::pendingSameTask);
        });
  }

  @Override
  public List<ClaimedBody> claim(ClaimRequest request) {
    return state.locked(
        () -> {
          Predicate<BodyUploadTask> accept = t -> true;
          if (request.holdNamespacesWithPendingEvents()) {
            Set<NamespaceRef> held = state.namespacesWithEvents();
            accept = t -> !held.contains(t.namespace());
          }
          return state.bodies.claim(request, accept).stream()
              .map(e -> new ClaimedBody(e.task, e.retryCount, e.createdAt, request.lease()))
              .toList();
        });
  }

  @Override
  Optional<String> artifactPath(BodyUploadTask task) {
    return Optional.of(task.artifactPath());
  }

  @Override
  Optional<String> contentHash(BodyUploadTask task) {
    return Optional.of(task.contentHash());
  }

  /**
   * Re-queues a failed body as new under the enqueue rules: dropped when the same task or a newer
   * hash for its namespace and path is pending; kept as a record when the queue is full or its
   * upload id names another pending task.
   */
  InMemoryRequeue requeue(BodyUploadTask task, Instant now) {
    if (state.bodies.replaceable(task).isPresent()) {
      return InMemoryRequeue.DROPPED;
    }
    if (!state.hasRoom(state.bodies) || state.bodies.get(task.uploadId()).isPresent()) {
      return InMemoryRequeue.KEPT;
    }
    state.bodies.add(task.uploadId(), task, now);
    return InMemoryRequeue.REQUEUED;
  }

  private Optional<InMemoryEntry<BodyUploadTask>> pendingSameTask(BodyUploadTask task) {
    return state
        .bodies
        .replaceable(task)
        .filter(e -> e.task.contentHash().equals(task.contentHash()));
  }

  /** An upload id must name one namespace and path; a clash fails the whole batch up front. */
  /** Fails, changing nothing, when an upload id names another task (pending or in the batch). */
  void rejectUploadIdClashes(List<BodyUploadTask> tasks) {
    Map<String, BodyUploadTask> seen = new HashMap<>();
    for (BodyUploadTask task : Objects.requireNonNull(tasks, "tasks")) {
      Objects.requireNonNull(task, "task");
      BodyUploadTask other = seen.putIfAbsent(task.uploadId(), task);
      if (other == null) {
        other = state.bodies.get(task.uploadId()).map(e -> e.task).orElse(task);
      }
      if (!other.namespace().equals(task.namespace())
          || !other.artifactPath().equals(task.artifactPath())) {
        throw new QueueStoreException(
            "upload_id "
                + task.uploadId()
                + " already names another task ("
                + other
                + "); nothing of the batch was enqueued");
      }
    }
  }
}
