package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.BodyPreparer;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.PreparedBody;
import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.event.DossierEvents;
import io.dossiersync.core.index.ExpectedArtifactManifest;
import io.dossiersync.core.index.IndexRequest;
import io.dossiersync.core.index.Indexer;
import io.dossiersync.core.index.ManifestRegistry;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.queue.BodyUploadTask;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one feature directory into the durable queues (PRODUCT.md §1 steps 1–3): index, build the
 * dossier events, prepare the bodies, then enqueue the events and every eligible body in one
 * {@link QueueStore#enqueueDossier} call (one transaction in the SQLite store). Draining is a
 * separate step.
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

  DossierPipeline(
      QueueStore store,
      Indexer indexer,
      Clock clock,
      SurfacePolicy surfaces,
      ManifestRegistry manifests,
      Supplier<String> ids,
      SyncListener listener) {
    this.store = store;
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
    Objects.requireNonNull(featureDir, "featureDir");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(options, "options");
    if (!Files.isDirectory(featureDir)) {
      throw new IllegalArgumentException(
          "feature directory " + featureDir + " does not exist or is not a directory");
    }
    Optional<ExpectedArtifactManifest> manifest = manifests.find(namespace.missionKey());
    MissionDossier dossier =
        indexer.index(
            featureDir, new IndexRequest(namespace.missionKey(), manifest, options.step()));
    List<String> errors = new ArrayList<>();
    Instant now = clock.instant();
    List<EventRecord> records = events.build(dossier, namespace, manifest);
    List<PreparedBody> prepared = prepare(featureDir, namespace, dossier);
    List<BodyUploadTask> tasks = eligibleTasks(prepared);
    int eventsEmitted = 0;
    List<UploadOutcome> taskOutcomes = new ArrayList<>(tasks.size());
    Optional<DossierEnqueueResult> enqueued = Optional.empty();
    try {
      DossierEnqueueResult result = store.enqueueDossier(records, tasks, now);
      enqueued = Optional.of(result);
      eventsEmitted = records.size() - (int) result.events().count(EnqueueStatus.QUEUE_FULL);
      List<EnqueueStatus> statuses = result.bodies().statuses();
      for (int i = 0; i < tasks.size(); i++) {
        taskOutcomes.add(
            i < statuses.size()
                ? EnqueueOutcomes.of(tasks.get(i), statuses.get(i))
                : EnqueueOutcomes.queueError(tasks.get(i), "no status returned by the store"));
      }
    } catch (QueueStoreException e) {
      LOG.warn("cannot enqueue the dossier of {}: {}", namespace.featureSlug(), e.getMessage());
      errors.add("event queue: " + e.getMessage());
      if (!tasks.isEmpty()) {
        errors.add("body queue: " + e.getMessage());
      }
      tasks.forEach(t -> taskOutcomes.add(EnqueueOutcomes.queueError(t, e.getMessage())));
    }
    List<UploadOutcome> outcomes = merge(prepared, taskOutcomes);
    SyncCounts counts = SyncCountsOf.of(namespace, enqueued, outcomes);
    if (counts.eventsDeferred() > 0 || counts.bodiesDeferred() > 0) {
      LOG.warn(
          "queue full while syncing {}: {} events and {} bodies not queued (queue_full);"
              + " drain the queue or raise maxQueueSize",
          namespace.featureSlug(),
          counts.eventsDeferred(),
          counts.bodiesDeferred());
    }
    DossierSyncResult result =
        new DossierSyncResult(namespace, dossier, eventsEmitted, outcomes, errors);
    log(result);
    notifyListener(counts);
    return result;
  }

  private void notifyListener(SyncCounts counts) {
    try {
      listener.onFeatureSynced(counts);
    } catch (RuntimeException e) {
      LOG.warn("the sync listener failed on {}: {}", counts.namespace().featureSlug(),
          e.toString(), e);
    }
  }

  private List<PreparedBody> prepare(Path featureDir, NamespaceRef ns, MissionDossier dossier) {
    List<PreparedBody> prepared = new ArrayList<>(dossier.artifacts().size());
    for (var artifact : dossier.artifacts()) {
      prepared.add(bodies.prepare(featureDir, ns, artifact));
    }
    return prepared;
  }

  private static List<BodyUploadTask> eligibleTasks(List<PreparedBody> prepared) {
    List<BodyUploadTask> tasks = new ArrayList<>(prepared.size());
    for (PreparedBody body : prepared) {
      if (body instanceof PreparedBody.Eligible eligible) {
        tasks.add(eligible.task());
      }
    }
    return tasks;
  }

  /** One outcome per artifact, in index order: skipped ones as prepared, the others as queued. */
  private static List<UploadOutcome> merge(
      List<PreparedBody> prepared, List<UploadOutcome> taskOutcomes) {
    List<UploadOutcome> outcomes = new ArrayList<>(prepared.size());
    int next = 0;
    for (PreparedBody body : prepared) {
      outcomes.add(
          body instanceof PreparedBody.Skipped skipped
              ? skipped.outcome()
              : taskOutcomes.get(next++));
    }
    return outcomes;
  }

  private static void log(DossierSyncResult result) {
    if (LOG.isDebugEnabled()) {
      for (UploadOutcome o : result.outcomes()) {
        LOG.debug("{} {} {}", o.artifactPath(), o.status().wireName(), o.reason().orElse("-"));
      }
    }
    LOG.info(
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
