package io.dossiersync.core.queue;

/**
 * What enqueueing one task did.
 *
 * @since 0.1.0
 */
public enum EnqueueStatus {
  /** The task is now in the queue, on disk for a durable store. */
  ENQUEUED,
  /**
   * The same task (same unique key) was already pending: nothing changed ({@code
   * already_in_queue}).
   */
  ALREADY_IN_QUEUE,
  /** The queue holds {@code maxQueueSize} tasks: the task was not stored ({@code queue_full}). */
  QUEUE_FULL
}
