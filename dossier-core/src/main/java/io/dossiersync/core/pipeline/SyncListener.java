package io.dossiersync.core.pipeline;

/**
 * Receives what each feature's sync did to the queues, for metrics (the drain side is {@link
 * io.dossiersync.core.drain.DrainListener}). Called on the syncing thread once per {@link
 * DossierPipeline#syncFeatureDossier} call, after its enqueue; an exception thrown here is logged
 * and never fails the sync. Implementations must be thread-safe when several threads sync.
 *
 * <pre>{@code
 * DossierPipeline pipeline = DossierPipeline.builder().queueStore(store)
 *     .listener(counts -> registry.counter("bodies.enqueued").add(counts.bodiesEnqueued()))
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SyncListener {

  /**
   * One feature was synced.
   *
   * @param counts what its enqueue did
   */
  void onFeatureSynced(SyncCounts counts);

  /**
   * A listener that does nothing (the pipeline's default).
   *
   * @return the no-op listener
   */
  static SyncListener noop() {
    return counts -> {};
  }
}
