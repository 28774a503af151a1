package io.dossiersync.core.pipeline;

import io.dossiersync.core.body.OutcomeReasons;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueStatus;
import java.util.Optional;

/** Maps what the body queue did with a task to the task's {@link UploadOutcome}. */
final class EnqueueOutcomes {

  private EnqueueOutcomes() {}

  static UploadOutcome of(BodyUploadTask task, EnqueueStatus status) {
    return switch (status) {
      case ENQUEUED -> outcome(task, OutcomeStatus.QUEUED, Optional.empty(), false);
      case ALREADY_IN_QUEUE ->
          outcome(task, OutcomeStatus.QUEUED, Optional.of(OutcomeReasons.ALREADY_IN_QUEUE), false);
      case QUEUE_FULL ->
          outcome(task, OutcomeStatus.FAILED, Optional.of(OutcomeReasons.QUEUE_FULL), true);
    };
  }

  static UploadOutcome queueError(BodyUploadTask task, String message) {
    return outcome(
        task, OutcomeStatus.FAILED, Optional.of(OutcomeReasons.queueError(message)), true);
  }

  private static UploadOutcome outcome(
      BodyUploadTask task, OutcomeStatus status, Optional<String> reason, boolean retryable) {
    return new UploadOutcome(
        task.artifactPath(), status, reason, Optional.of(task.contentHash()), retryable);
  }
}
