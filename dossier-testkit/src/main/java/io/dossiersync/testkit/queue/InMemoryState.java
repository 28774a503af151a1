package io.dossiersync.testkit.queue;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.QueueStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything an {@link InMemoryQueueStore} holds, behind one lock: both queues and the failure
 * records, so that operations that touch several of them (claiming bodies while events are pending,
 * re-queueing a failure record) are atomic.
 */
final class InMemoryState {

  /** A body's replacement key: its namespace and path (DS-02). */
  private record BodyPath(NamespaceRef namespace, String artifactPath) {}

  /** A failure record plus the task it came from, kept for re-queueing. */
  record Failure(FailureRecord record, Object task) {}

  final InMemoryTable<EventRecord> events =
      new InMemoryTable<>(EventRecord::namespace, EventRecord::coalesceKey);
  final InMemoryTable<BodyUploadTask> bodies =
      new InMemoryTable<>(
          BodyUploadTask::namespace,
          t -> Optional.of(new BodyPath(t.namespace(), t.artifactPath())));
  final TreeMap<Long, Failure> failures = new TreeMap<>();
  final int maxQueueSize;
  private final Object lock = new Object();
  private long nextFailureId = 1;
  private boolean closed;

  InMemoryState(int maxQueueSize) {
    this.maxQueueSize = maxQueueSize;
  }

  /** Runs {@code action} under the store lock, failing when the store is closed. */
  <R> R locked(Supplier<R> action) {
    synchronized (lock) {
      if (closed) {
        throw new QueueStoreException("the in-memory queue store is closed; create a new one");
      }
      return action.get();
    }
  }

  void close() {
    synchronized (lock) {
      closed = true;
    }
  }

  /**
   * Enqueues in order, each task judged as if enqueued alone: a pending duplicate is {@code
   * already_in_queue}; otherwise the row with the same replacement key is superseded; a task is
   * {@code queue_full} only when it would add a row to a full table (a superseding task replaces a
   * row, so it always fits).
   */
  <T> EnqueueResult enqueue(
      InMemoryTable<T> table,
      List<T> tasks,
      Instant now,
      Function<T, String> idOf,
      Function<T, Optional<InMemoryEntry<T>>> pendingDuplicate) {
    tasks.forEach(t -> Objects.requireNonNull(t, "task"));
    Objects.requireNonNull(now, "now");
    List<EnqueueStatus> statuses = new ArrayList<>(tasks.size());
    int superseded = 0;
    for (T task : tasks) {
      if (pendingDuplicate.apply(task).isPresent()) {
        statuses.add(EnqueueStatus.ALREADY_IN_QUEUE);
        continue;
      }
      Optional<InMemoryEntry<T>> older = table.replaceable(task);
      if (older.isEmpty() && !hasRoom(table)) {
        statuses.add(EnqueueStatus.QUEUE_FULL);
        continue;
      }
      if (older.isPresent()) {
        table.remove(older.get());
        superseded++;
      }
      table.add(idOf.apply(task), task, now);
      statuses.add(EnqueueStatus.ENQUEUED);
    }
    return new EnqueueResult(statuses, superseded);
  }

  /** Moves a claimed row to the failure records; the caller has removed it from its table. */
  void addFailure(
      FailureKind kind,
      InMemoryEntry<?> entry,
      NamespaceRef namespace,
      Optional<String> artifactPath,
      Optional<String> contentHash,
      String reason,
      Instant now) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(now, "now");
    long id = nextFailureId++;
    Instant first = entry.firstFailedAt == null ? now : entry.firstFailedAt;
    FailureRecord record =
        new FailureRecord(
            id,
            kind,
            namespace.projectUuid(),
            namespace.featureSlug(),
            artifactPath,
            contentHash,
            reason,
            entry.retryCount + 1,
            first,
            now);
    failures.put(id, new Failure(record, entry.task));
  }

  /** Whether one more row fits in a table (an enqueued task that replaces none, a re-queue). */
  boolean hasRoom(InMemoryTable<?> table) {
    return table.size() < maxQueueSize;
  }

  /** The namespaces with pending events, for holding bodies whose index is not delivered. */
  Set<NamespaceRef> namespacesWithEvents() {
    Set<NamespaceRef> held = new HashSet<>();
    events.entries().forEach(e -> held.add(e.task.namespace()));
    return held;
  }
}
