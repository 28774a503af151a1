package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.body.internal.BodyPreparer;
import io.dossiersync.core.body.internal.PreparedBody;
import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.internal.Walked;
import io.dossiersync.core.queue.BodyChunks;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A feature's bodies, prepared lazily and handed to the store a chunk at a time (PRODUCT.md §3: at
 * most about {@value #DEFAULT_CHUNK_BYTES} bytes of body text in memory): each chunk holds eligible
 * tasks until their text reaches the limit. Of every artifact only its outcome (skipped) or its
 * path and hash (eligible) are kept, so the outcomes can be told once the store answered. Not
 * thread-safe: one instance per sync.
 */
final class BodyStream implements BodyChunks {

  /** The body text a chunk holds at most, unless a single body is larger: 32 MiB. */
  static final long DEFAULT_CHUNK_BYTES = 32L * 1024 * 1024;

  /** The body text {@link #prefetch()} reads at most, before the store call: 4 MiB. */
  static final long PREFETCH_BYTES = 4L * 1024 * 1024;

  /** What became of one artifact: a skipped outcome, or an eligible task's path and hash. */
  private record Slot(Optional<UploadOutcome> skipped, String path, String hash) {}

  private final BodyPreparer preparer;
  private final Path featureDir;
  private final NamespaceRef namespace;
  private final Walked<MissionDossier> walked;
  private final long chunkBytes;
  private final Iterator<ArtifactRef> artifacts;
  private final List<Slot> slots = new ArrayList<>();
  private int eligible;
  private List<BodyUploadTask> prefetched = List.of();

  BodyStream(
      BodyPreparer preparer,
      Path featureDir,
      NamespaceRef namespace,
      Walked<MissionDossier> walked,
      long chunkBytes) {
    this.preparer = preparer;
    this.featureDir = featureDir;
    this.namespace = namespace;
    this.walked = walked;
    this.chunkBytes = chunkBytes;
    this.artifacts = walked.dossier().artifacts().iterator();
  }

  /**
   * Reads the first bodies now, up to {@link #PREFETCH_BYTES} of text (or the chunk size when
   * smaller), so that a feature prepared ahead of the store writer needs little reading in its
   * transaction; they are the start of the first chunk {@link #next()} returns.
   */
  void prefetch() {
    prefetched = take(new ArrayList<>(), Math.min(PREFETCH_BYTES, chunkBytes));
  }

  @Override
  public List<BodyUploadTask> next() {
    List<BodyUploadTask> chunk = new ArrayList<>(prefetched);
    prefetched = List.of();
    return take(chunk, chunkBytes);
  }

  private List<BodyUploadTask> take(List<BodyUploadTask> chunk, long limit) {
    long bytes = 0;
    for (BodyUploadTask task : chunk) {
      bytes += task.sizeBytes();
    }
    while (bytes < limit && artifacts.hasNext()) {
      Optional<BodyUploadTask> task = prepareNext();
      if (task.isPresent()) {
        chunk.add(task.get());
        bytes += task.get().sizeBytes();
      }
    }
    return chunk;
  }

  /** Prepares what the store did not pull (after a failure), keeping no body. */
  void finish() {
    while (artifacts.hasNext()) {
      prepareNext();
    }
  }

  /** How many eligible tasks were prepared so far. */
  int eligible() {
    return eligible;
  }

  /**
   * One outcome per artifact, in index order.
   *
   * @param statuses the body statuses the store returned, in task order; empty after a failure
   * @param error the store's message when it failed
   * @return the outcomes
   */
  List<UploadOutcome> outcomes(List<EnqueueStatus> statuses, Optional<String> error) {
    finish();
    List<UploadOutcome> outcomes = new ArrayList<>(slots.size());
    int next = 0;
    for (Slot slot : slots) {
      if (slot.skipped().isPresent()) {
        outcomes.add(slot.skipped().get());
      } else if (error.isPresent()) {
        outcomes.add(EnqueueOutcomes.queueError(slot.path(), slot.hash(), error.get()));
      } else if (next < statuses.size()) {
        outcomes.add(EnqueueOutcomes.of(slot.path(), slot.hash(), statuses.get(next++)));
      } else {
        outcomes.add(
            EnqueueOutcomes.queueError(
                slot.path(), slot.hash(), "no status returned by the store"));
      }
    }
    return outcomes;
  }

  private Optional<BodyUploadTask> prepareNext() {
    ArtifactRef artifact = artifacts.next();
    PreparedBody body =
        preparer.prepare(featureDir, namespace, artifact, walked.file(artifact.relativePath()));
    if (body instanceof PreparedBody.Eligible ready) {
      eligible++;
      slots.add(
          new Slot(Optional.empty(), ready.task().artifactPath(), ready.task().contentHash()));
      return Optional.of(ready.task());
    }
    slots.add(
        new Slot(
            Optional.of(((PreparedBody.Skipped) body).outcome()), artifact.relativePath(), ""));
    return Optional.empty();
  }
}
