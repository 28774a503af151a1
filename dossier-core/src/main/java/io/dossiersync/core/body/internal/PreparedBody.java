package io.dossiersync.core.body.internal;

import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.queue.BodyUploadTask;
import java.util.Objects;

/**
 * What body preparation made of one artifact: an upload task to enqueue, or a skipped outcome with
 * its reason. Immutable.
 */
public sealed interface PreparedBody {

  /**
   * The artifact this is about.
   *
   * @return the indexed artifact
   */
  ArtifactRef artifact();

  /**
   * The artifact is eligible: its body is ready to be enqueued.
   *
   * @param artifact the artifact
   * @param task the upload task, body included
   */
  record Eligible(ArtifactRef artifact, BodyUploadTask task) implements PreparedBody {
    /** Checks that no field is null. */
    public Eligible {
      Objects.requireNonNull(artifact, "artifact");
      Objects.requireNonNull(task, "task");
    }
  }

  /**
   * The artifact is not eligible.
   *
   * @param artifact the artifact
   * @param outcome the {@code skipped} outcome with its reason
   */
  record Skipped(ArtifactRef artifact, UploadOutcome outcome) implements PreparedBody {
    /** Checks that no field is null. */
    public Skipped {
      Objects.requireNonNull(artifact, "artifact");
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
