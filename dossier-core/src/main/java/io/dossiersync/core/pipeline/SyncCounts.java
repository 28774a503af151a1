package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one feature's sync did to the queues: the enqueue side of dossier-sync's observability (the
 * drain side is {@link io.dossiersync.core.drain.DrainListener}). Immutable.
 *
 * @param namespace the feature's namespace
 * @param eventsEnqueued dossier events now in the event queue
 * @param eventsSuperseded older pending events the new ones replaced (coalesced)
 * @param eventsQueueFull events left out because the event queue was full ({@code queue_full})
 * @param bodiesEnqueued body tasks now in the body queue
 * @param bodiesAlreadyQueued bodies whose same task was already pending ({@code already_in_queue})
 * @param bodiesSuperseded older pending bodies of the same paths the new ones replaced
 * @param bodiesQueueFull bodies left out because the body queue was full ({@code queue_full})
 * @param bodiesSkipped artifacts not eligible for upload (outcome {@code skipped})
 * @param bodiesFailed eligible bodies not queued: the deferred ones and those a store error kept
 *     out ({@code queue_error})
 * @since 0.1.0
 */
public record SyncCounts(
    NamespaceRef namespace,
    int eventsEnqueued,
    int eventsSuperseded,
    int eventsQueueFull,
    int bodiesEnqueued,
    int bodiesAlreadyQueued,
    int bodiesSuperseded,
    int bodiesQueueFull,
    int bodiesSkipped,
    int bodiesFailed) {

  /** Checks that the namespace is given and no count is negative. */
  public SyncCounts {
    Objects.requireNonNull(namespace, "namespace");
    int[] counts = {
      eventsEnqueued,
      eventsSuperseded,
      eventsQueueFull,
      bodiesEnqueued,
      bodiesAlreadyQueued,
      bodiesSuperseded,
      bodiesQueueFull,
      bodiesSkipped,
      bodiesFailed
    };
    for (int count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("counts must be >= 0, got " + count);
      }
    }
  }

  /**
   * The counts of one sync, from what the store reported and the artifacts' outcomes.
   *
   * @param namespace the feature's namespace
   * @param enqueue what the store reported, absent when the enqueue failed
   * @param outcomes one outcome per artifact
   * @return the counts
   */
  static SyncCounts of(
      NamespaceRef namespace,
      Optional<DossierEnqueueResult> enqueue,
      List<UploadOutcome> outcomes) {
    EnqueueResult none = EnqueueResult.none();
    EnqueueResult events = enqueue.map(DossierEnqueueResult::events).orElse(none);
    EnqueueResult bodies = enqueue.map(DossierEnqueueResult::bodies).orElse(none);
    return new SyncCounts(
        namespace,
        (int) events.count(EnqueueStatus.ENQUEUED),
        events.superseded(),
        (int) events.count(EnqueueStatus.QUEUE_FULL),
        (int) bodies.count(EnqueueStatus.ENQUEUED),
        (int) bodies.count(EnqueueStatus.ALREADY_IN_QUEUE),
        bodies.superseded(),
        (int) bodies.count(EnqueueStatus.QUEUE_FULL),
        count(outcomes, OutcomeStatus.SKIPPED),
        count(outcomes, OutcomeStatus.FAILED));
  }

  private static int count(List<UploadOutcome> outcomes, OutcomeStatus status) {
    return (int) outcomes.stream().filter(o -> o.status() == status).count();
  }
}
