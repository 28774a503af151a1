package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import java.util.List;
import java.util.Optional;

/** Derives a feature's {@link SyncCounts} from its enqueue result and outcomes. Stateless. */
final class SyncCountsOf {

  private SyncCountsOf() {}

  /**
   * The counts of one sync.
   *
   * @param namespace the feature's namespace
   * @param enqueue what the store reported, absent when the enqueue failed
   * @param outcomes one outcome per artifact
   * @return the counts
   */
  static SyncCounts of(NamespaceRef namespace, Optional<DossierEnqueueResult> enqueue,
      List<UploadOutcome> outcomes) {
    EnqueueResult none = EnqueueResult.none();
    EnqueueResult events = enqueue.map(DossierEnqueueResult::events).orElse(none);
    EnqueueResult bodies = enqueue.map(DossierEnqueueResult::bodies).orElse(none);
    return new SyncCounts(namespace,
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
