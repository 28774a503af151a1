package io.dossiersync.core.pipeline;

import io.dossiersync.core.body.OutcomeReasons;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.queue.EnqueueStatus;
import java.util.Optional;

/** Maps what the body queue did with a task (its path and hash) to its {@link UploadOutcome}. */
final class EnqueueOutcomes {

  private EnqueueOutcomes() {}

  static UploadOutcome of(String path, String hash, EnqueueStatus status) {
    return switch (status) {
      case ENQUEUED -> outcome(path, hash, OutcomeStatus.QUEUED, Optional.empty(), false);
      case ALREADY_IN_QUEUE ->
          outcome(
              path,
              hash,
              OutcomeStatus.QUEUED,
              Optional.of(OutcomeReasons.ALREADY_IN_QUEUE),
              false);
      case QUEUE_FULL ->
          outcome(path, hash, OutcomeStatus.FAILED, Optional.of(OutcomeReasons.QUEUE_FULL), true);
    };
  }

  static UploadOutcome queueError(String path, String hash, String message) {
    return outcome(
        path, hash, OutcomeStatus.FAILED, Optional.of(OutcomeReasons.queueError(message)), true);
  }

  private static UploadOutcome outcome(
      String path, String hash, OutcomeStatus status, Optional<String> reason, boolean retryable) {
    return new UploadOutcome(path, status, reason, Optional.of(hash), retryable);
  }
}
