package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.List;

/**
 * The body queue view of a {@link QueueStore} (PRODUCT.md §3): a {@link TaskQueue} of {@link
 * ClaimedBody}s with its own enqueue.
 *
 * <p>{@link #enqueue} stores all given tasks in one transaction (a whole feature's bodies in one
 * commit). A task whose 7-field key (five namespace fields, {@code artifact_path}, {@code
 * content_hash}) is already pending is {@link EnqueueStatus#ALREADY_IN_QUEUE}. Supersede (DS-02): a
 * task removes every pending task with the same namespace and path but another hash, leased or not
 * (counted in {@link EnqueueResult#superseded()}). Each task is judged in order as if enqueued
 * alone: with {@code maxQueueSize} tasks pending, a task that would add a row is {@link
 * EnqueueStatus#QUEUE_FULL}, while a pending duplicate stays {@code ALREADY_IN_QUEUE} and a
 * superseding task replaces its row and is {@code ENQUEUED}. A new task is ready at once. A claim
 * reads bodies only for the tasks it claims, and with {@link
 * ClaimRequest#holdNamespacesWithPendingEvents()} leaves alone the bodies whose namespace still has
 * a pending event. A body moved to the failure records keeps its text, so that it can be re-queued.
 * The testkit's {@code QueueStoreContract} checks these rules.
 *
 * @since 0.1.0
 */
public interface BodyQueue extends TaskQueue<ClaimedBody> {

  /**
   * Enqueues tasks in one transaction.
   *
   * @param tasks the tasks, in order
   * @param now the enqueue time, which is also their first {@code next_attempt_at}
   * @return one status per task, and how many older tasks were superseded
   * @throws QueueStoreException when the store cannot be written (nothing of the batch is kept)
   */
  EnqueueResult enqueue(List<BodyUploadTask> tasks, Instant now);
}
