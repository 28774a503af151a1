package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

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
   * The {@code …ArtifactIndexed} events in the failure records that announce a body (their payload
   * has a path and a hash), one per namespace, path and hash, with its latest failure time. The
   * drain reads them when a round claims its first body, so a body whose index event failed in an
   * earlier round or another process goes to the failure records as {@link #INDEX_EVENT_FAILED} at
   * once (PRODUCT.md §4.2). Requeueing the event's record removes it from this set.
   *
   * <p>The default returns none (the drain then knows only the events it failed in the same round);
   * every store of this repository implements it, and the testkit's contract checks it.
   *
   * @return the failed index events, in no particular order
   * @throws QueueStoreException when the store cannot be read
   */
  default Set<FailedIndexEvent> failedIndexEvents() {
    return Set.of();
  }

  /**
   * Re-queues every record.
   *
   * @param now the time the tasks become ready
   * @return how many tasks went back into a queue
   */
  int requeueAll(Instant now);
}
