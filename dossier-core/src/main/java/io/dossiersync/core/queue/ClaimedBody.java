package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * A body task claimed for sending, with its retry state and the lease that fences what follows.
 *
 * @param task the queued task, body included
 * @param retryCount how many failed attempts the task has had so far
 * @param createdAt when it was enqueued
 * @param lease the lease this claim holds
 * @since 0.1.0
 */
public record ClaimedBody(BodyUploadTask task, int retryCount, Instant createdAt, Lease lease)
    implements ClaimedTask {

  /** Checks that no field is null. */
  public ClaimedBody {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lease, "lease");
  }

  /**
   * The key of the task in its queue.
   *
   * @return the body's {@code upload_id}
   */
  @Override
  public String taskId() {
    return task.uploadId();
  }
}
