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
 * @param eventsDeferred events left out because the event queue was full ({@code queue_full})
 * @param bodiesEnqueued body tasks now in the body queue
 * @param bodiesAlreadyQueued bodies whose same task was already pending ({@code already_in_queue})
 * @param bodiesSuperseded older pending bodies of the same paths the new ones replaced
 * @param bodiesDeferred bodies left out because the body queue was full ({@code queue_full})
 * @param bodiesSkipped artifacts not eligible for upload (outcome {@code skipped})
 * @param bodiesFailed eligible bodies not queued: the deferred ones and those a store error kept
 *     out ({@code queue_error})
 */
public record SyncCounts(
    NamespaceRef namespace,
    int eventsEnqueued,
    int eventsSuperseded,
    int eventsDeferred,
    int bodiesEnqueued,
    int bodiesAlreadyQueued,
    int bodiesSuperseded,
    int bodiesDeferred,
    int bodiesSkipped,
    int bodiesFailed) {

  /** Checks that the namespace is given and no count is negative. */
  public SyncCounts {
    Objects.requireNonNull(namespace, "namespace");
    int[] counts = {eventsEnqueued, eventsSuperseded, eventsDeferred, bodiesEnqueued,
        bodiesAlreadyQueued, bodiesSuperseded, bodiesDeferred, bodiesSkipped, bodiesFailed};
    for (int count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("counts must be >= 0, got " + count);
      }
    }
  }
}
