package io.dossiersync.testkit.queue;

/** What re-queueing one failure record did in an {@link InMemoryQueueStore}. */
enum InMemoryRequeue {
  /** The task is back in its queue; the record is deleted and counted. */
  REQUEUED,
  /** The same or a newer task is pending; the record is deleted, not counted. */
  DROPPED,
  /** The queue is full; the record stays. */
  KEPT
}
