package io.dossiersync.core.queue;

import java.time.Instant;

/**
 * A task a drainer holds under a lease, of either queue: what a {@link TaskQueue} needs to fence a
 * settlement or a renewal (the task's key and the claim's lease) and what a drain needs to count
 * its failures.
 *
 * @since 0.1.0
 */
public sealed interface ClaimedTask permits ClaimedEvent, ClaimedBody {

  /**
   * The task's key in its queue.
   *
   * @return the event's {@code event_id} or the body's {@code upload_id}
   */
  String taskId();

  /**
   * How many failed attempts the task has had so far.
   *
   * @return zero or more
   */
  int retryCount();

  /**
   * When the task was enqueued.
   *
   * @return the enqueue time
   */
  Instant createdAt();

  /**
   * The lease this claim holds, which fences every change that follows.
   *
   * @return the lease
   */
  Lease lease();
}
