package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The failure records of a {@link QueueStore} (PRODUCT.md §3, DS-01): listed, counted and
 * re-queued.
 *
 * <p>Re-queueing puts the task back in its queue as new ({@code retry_count = 0}, ready at once)
 * and deletes the record, in one transaction. A re-queued body follows the enqueue rules: it is
 * {@code already_in_queue} when the same task is pending, and it is dropped (the record deleted,
 * not counted) when a task with another hash for the same namespace and path is pending, because
 * that one is newer.
 *
 * @since 0.1.0
 */
public interface FailureRecords {

  /**
   * The reason of a body that went to the failure records because its {@code …ArtifactIndexed}
   * event (same namespace, path and hash) did (PRODUCT.md §4.2): the drain fails such bodies
   * instead of sending them, and requeueing the event's record requeues them with it.
   */
  String INDEX_EVENT_FAILED = "index_event_failed";

  /**
   * Lists failure records, oldest first.
   *
   * @param limit the most records to return, at least 1
   * @return the records
   */
  List<FailureRecord> list(int limit);

  /**
   * Counts failure records.
   *
   * @return how many there are
   */
  long count();

  /**
   * Re-queues the given records.
   *
   * @param ids record ids; unknown ids are ignored
   * @param now the time the tasks become ready
   * @return how many tasks went back into a queue
   */
  int requeue(Collection<Long> ids, Instant now);

  /**
   * Re-queues every record.
   *
   * @param now the time the tasks become ready
   * @return how many tasks went back into a queue
   */
  int requeueAll(Instant now);
}
