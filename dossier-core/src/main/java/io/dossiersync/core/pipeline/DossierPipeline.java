package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.body.internal.BodyPreparer;
import io.dossiersync.core.event.DossierEvents;
import io.dossiersync.core.index.ExpectedArtifactManifest;
import io.dossiersync.core.index.FileSystemIndexer;
import io.dossiersync.core.index.IndexRequest;
import io.dossiersync.core.index.Indexer;
import io.dossiersync.core.index.ManifestRegistry;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.internal.Walked;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one feature directory into the durable queues (PRODUCT.md §1 steps 1–3): index, build the
 * dossier events, then enqueue the events and every eligible body in one {@link
 * QueueStore#enqueueDossier(List, io.dossiersync.core.queue.BodyChunks, Instant)} call (one
 * transaction in the SQLite store), the bodies prepared and handed over in chunks of at most about
 * 32 MiB of text, so memory stays bounded whatever the size of the feature. Bodies are read from
 * the paths the indexer walked. Draining is a separate step.
 *
 * <pre>{@code
 * DossierPipeline pipeline = DossierPipeline.builder().queueStore(store).build();
 * DossierSyncResult result = pipeline.syncFeatureDossier(featureDir, namespace);
 * result.outcomes().forEach(o -> log.info("{} {}", o.artifactPath(), o.status()));
 * }</pre>
 *
 * <p>No file problem aborts a sync: every artifact gets exactly one outcome, a store failure turns
 * into {@code failed} outcomes ({@code queue_error: <message>}) and an entry in {@link
 * DossierSyncResult#errors()}. Only bad input (a feature directory that does not exist) throws,
 * before anything is enqueued. Durability is the store's: what it reported enqueued survives a
 * crash when the store is durable. Thread-safe when its parts are (the defaults are); concurrent
 * syncs of the same feature are allowed, the store's supersede rules keep the newest content.
 *
 * @since 0.1.0
 */
public final class DossierPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(DossierPipeline.class);

  private final QueueStore store;
  private final Indexer indexer;
  private final Clock clock;
  private final ManifestRegistry manifests;
  private final DossierEvents events;
  private final BodyPreparer bodies;
  private final SyncListener listener;
  private final long chunkBytes;
  private final Consumer<MissionDossier> afterIndex;
  private final int preparationThreads;

  /** How many features each preparation thread may have prepared ahead of the store writer. */
  static final int PREPARED_AHEAD_PER_THREAD = 2;

  DossierPipeline(
      QueueStore store,
      Indexer indexer,
      Clock clock,
      SurfacePolicy surfaces,
      ManifestRegistry manifests,
      Supplier<String> ids,
      SyncListener listener,
      long chunkBytes,
      Consumer<MissionDossier> afterIndex,
      int preparationThreads) {
    this.store = store;
    this.preparationThreads = preparationThreads;
    this.chunkBytes = chunkBytes;
    this.afterIndex = afterIndex;
    this.listener = listener;
    this.indexer = indexer;
    this.clock = clock;
    this.manifests = manifests;
    this.events = new DossierEvents(clock, ids);
    this.bodies = new BodyPreparer(surfaces, ids);
  }

  /**
   * A builder; only the queue store is required.
   *
   * @return a new builder
   */
  public static DossierPipelineBuilder builder() {
    return new DossierPipelineBuilder();
  }

  /**
   * Syncs a feature directory without a mission step.
   *
   * @param featureDir the feature directory
   * @param namespace its namespace
   * @return what happened, one outcome per artifact
   * @throws IllegalArgumentException when {@code featureDir} is not an existing directory
   */
  public DossierSyncResult syncFeatureDossier(Path featureDir, NamespaceRef namespace) {
    return syncFeatureDossier(featureDir, namespace, SyncOptions.defaults());
  }

  /**
   * Syncs a feature directory.
   *
   * @param featureDir the feature directory
   * @param namespace its namespace; its mission key selects the manifest
   * @param options the mission step, if any
   * @return what happened, one outcome per artifact
   * @throws IllegalArgumentException when {@code featureDir} is not an existing directory
   */
  public DossierSyncResult syncFeatureDossier(
      Path featureDir, NamespaceRef namespace, SyncOptions options) {
    return commit(prepare(new FeatureSyncRequest(featureDir, namespace, options)));
  }

  /**
   * Syncs several feature directories, in order, with the reading work spread over the preparation
   * threads ({@link DossierPipelineBuilder#preparationThreads(int)}): while one feature is written
   * to the store on the calling thread, the next ones are indexed, hashed and their first bodies
   * read (at most {@value #PREPARED_AHEAD_PER_THREAD} features per thread ahead, each holding at
   * most {@value BodyStream#PREFETCH_BYTES} bytes of body text; the rest of a larger feature is
   * read inside its transaction, as {@link #syncFeatureDossier} does). The outcome is the same as
   * syncing each request in turn: one transaction per feature, in request order, {@code onSynced}
   * called on the calling thread after each, in request order.
   *
   * @param requests the features to sync
   * @param onSynced called with each feature's result, in request order
   * @throws IllegalArgumentException when a feature directory does not exist or is not a directory;
   *     the features before it are synced, none after it
   */
  public void syncAll(List<FeatureSyncRequest> requests, Consumer<DossierSyncResult> onSynced) {
    Objects.requireNonNull(onSynced, "onSynced");
    List<FeatureSyncRequest> all = List.copyOf(requests);
    if (preparationThreads <= 1 || all.size() <= 1) {
      all.forEach(r -> onSynced.accept(commit(prepare(r))));
      return;
    }
    try (PreparationAhead<FeatureSyncRequest, PreparedFeature> ahead =
        new PreparationAhead<>(
            preparationThreads,
            preparationThreads * PREPARED_AHEAD_PER_THREAD,
            all,
            this::prepare)) {
      for (int i = 0; i < all.size(); i++) {
        onSynced.accept(commit(ahead.take(i)));
      }
    }
  }

  /** Index, events and (for a prepared-ahead feature) its first bodies; no store access. */
  PreparedFeature prepare(FeatureSyncRequest request) {
    Path featureDir = request.featureDir();
    NamespaceRef namespace = request.namespace();
    if (!Files.isDirectory(featureDir)) {
      throw new IllegalArgumentException(
          "feature directory " + featureDir + " does not exist or is not a directory");
    }
    Optional<ExpectedArtifactManifest> manifest = manifests.find(namespace.missionKey());
    IndexRequest index =
        new IndexRequest(namespace.missionKey(), manifest, request.options().step());
    Walked<MissionDossier> walked =
        indexer instanceof FileSystemIndexer walking
            ? walking.indexWalked(featureDir, index)
            : Walked.unwalked(indexer.index(featureDir, index));
    MissionDossier dossier = walked.dossier();
    afterIndex.accept(dossier);
    List<EventRecord> records = events.build(dossier, namespace, manifest);
    BodyStream stream = new BodyStream(bodies, featureDir, namespace, walked, chunkBytes);
    stream.prefetch();
    return new PreparedFeature(namespace, dossier, records, stream);
  }

  /** Enqueues a prepared feature in one store call and tells what happened. */
  DossierSyncResult commit(PreparedFeature feature) {
    NamespaceRef namespace = feature.namespace();
    List<EventRecord> records = feature.events();
    BodyStream stream = feature.bodies();
    List<String> errors = new ArrayList<>();
    int eventsEmitted = 0;
    List<EnqueueStatus> statuses = List.of();
    Optional<String> storeError = Optional.empty();
    Optional<DossierEnqueueResult> enqueued = Optional.empty();
    try {
      DossierEnqueueResult result = store.enqueueDossier(records, stream, clock.instant());
      enqueued = Optional.of(result);
      eventsEmitted = records.size() - (int) result.events().count(EnqueueStatus.QUEUE_FULL);
      statuses = result.bodies().statuses();
    } catch (QueueStoreException e) {
      LOG.warn("cannot enqueue the dossier of {}: {}", namespace.featureSlug(), e.getMessage());
      storeError = Optional.of(e.getMessage());
    }
    List<UploadOutcome> outcomes = stream.outcomes(statuses, storeError);
    if (storeError.isPresent()) {
      errors.add("event queue: " + storeError.get());
      if (stream.eligible() > 0) {
        errors.add("body queue: " + storeError.get());
      }
    }
    SyncCounts counts = SyncCounts.of(namespace, enqueued, outcomes);
    if (counts.eventsQueueFull() > 0 || counts.bodiesQueueFull() > 0) {
      LOG.warn(
          "queue full while syncing {}: {} events and {} bodies not queued (queue_full);"
              + " drain the queue or raise maxQueueSize",
          namespace.featureSlug(),
          counts.eventsQueueFull(),
          counts.bodiesQueueFull());
    }
    DossierSyncResult result =
        new DossierSyncResult(namespace, feature.dossier(), eventsEmitted, outcomes, errors);
    log(result);
    notifyListener(counts);
    return result;
  }

  private void notifyListener(SyncCounts counts) {
    try {
      listener.onFeatureSynced(counts);
    } catch (RuntimeException e) {
      LOG.warn(
          "the sync listener failed on {}: {}", counts.namespace().featureSlug(), e.toString(), e);
    }
  }

  private static void log(DossierSyncResult result) {
    if (LOG.isDebugEnabled()) {
      for (UploadOutcome o : result.outcomes()) {
        LOG.debug("{} {} {}", o.artifactPath(), o.status().wireName(), o.reason().orElse("-"));
      }
    }
    LOG.debug(
        "synced {}: {} artifacts, {} events; uploaded={} already_exists={} queued={} skipped={}"
            + " failed={}",
        result.namespace().featureSlug(),
        result.outcomes().size(),
        result.eventsEmitted(),
        result.count(OutcomeStatus.UPLOADED),
        result.count(OutcomeStatus.ALREADY_EXISTS),
        result.count(OutcomeStatus.QUEUED),
        result.count(OutcomeStatus.SKIPPED),
        result.count(OutcomeStatus.FAILED));
  }
}
