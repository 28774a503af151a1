package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import java.util.Objects;

/**
 * What one feature's sync did to the queues: the enqueue side of dossier-sync's observability
 * (the drain side is {@link io.dossiersync.core.drain.DrainListener}). Immutable.
 *
 * @param namespace the feature's namespace
 * @param eventsEnqueued dossier events now in the event queue
 * @param eventsSuperseded older pending events the new ones replaced (coalesced)
 * @param bodiesEnqueued body tasks now in the body queue
 * @param bodiesAlreadyQueued bodies whose same task was already pending ({@code already_in_queue})
 * @param bodiesSuperseded older pending bodies of the same paths the new ones replaced
 * @param bodiesSkipped artifacts not eligible for upload (outcome {@code skipped})
 * @param bodiesFailed eligible bodies not queued ({@code queue_full}, {@code queue_error}, ...)
 * @param deferred events and bodies left out because a queue was full ({@code queue_full})
 */
public record SyncCounts(
    NamespaceRef namespace,
    int eventsEnqueued,
    int eventsSuperseded,
    int bodiesEnqueued,
    int bodiesAlreadyQueued,
    int bodiesSuperseded,
    int bodiesSkipped,
    int bodiesFailed,
    int deferred) {

  /** Checks that the namespace is given and no count is negative. */
  public SyncCounts {
    Objects.requireNonNull(namespace, "namespace");
    int[] counts = {eventsEnqueued, eventsSuperseded, bodiesEnqueued, bodiesAlreadyQueued,
        bodiesSuperseded, bodiesSkipped, bodiesFailed, deferred};
    for (int count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("counts must be >= 0, got " + count);
      }
    }
  }
}
