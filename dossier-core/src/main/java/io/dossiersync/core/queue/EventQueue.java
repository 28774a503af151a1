package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.List;

/**
 * The event queue view of a {@link QueueStore} (PRODUCT.md §3): a {@link TaskQueue} of {@link
 * ClaimedEvent}s with its own enqueue.
 *
 * <p>{@link #enqueue} stores all given events in one transaction. An event whose {@code event_id}
 * is already pending is {@link EnqueueStatus#ALREADY_IN_QUEUE}. An event with a coalesce key
 * removes every pending event with the same key (counted in {@link EnqueueResult#superseded()}).
 * Each event is judged in order as if enqueued alone: with {@code maxQueueSize} events pending, an
 * event that would add a row is {@link EnqueueStatus#QUEUE_FULL}, while a pending duplicate stays
 * {@code ALREADY_IN_QUEUE} and a coalescing event replaces its row and is {@code ENQUEUED}. A new
 * event is ready at once ({@code next_attempt_at = now}). A claim ignores {@link
 * ClaimRequest#holdNamespacesWithPendingEvents()}. The testkit's {@code QueueStoreContract} checks
 * these rules.
 *
 * @since 0.1.0
 */
public interface EventQueue extends TaskQueue<ClaimedEvent> {

  /**
   * Enqueues events in one transaction.
   *
   * @param events the events, in order
   * @param now the enqueue time, which is also their first {@code next_attempt_at}
   * @return one status per event, and how many pending events were coalesced away
   * @throws QueueStoreException when the store cannot be written (nothing of the batch is kept)
   */
  EnqueueResult enqueue(List<EventRecord> events, Instant now);
}
