package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * An event claimed for sending, with its retry state and the lease that fences what follows.
 *
 * @param event the queued event
 * @param retryCount how many failed attempts the event has had so far
 * @param createdAt when it was enqueued
 * @param lease the lease this claim holds
 * @since 0.1.0
 */
public record ClaimedEvent(EventRecord event, int retryCount, Instant createdAt, Lease lease)
    implements ClaimedTask {

  /** Checks that no field is null. */
  public ClaimedEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lease, "lease");
  }

  /**
   * The key of the task in its queue.
   *
   * @return the event's {@code event_id}
   */
  @Override
  public String taskId() {
    return event.eventId();
  }
}
