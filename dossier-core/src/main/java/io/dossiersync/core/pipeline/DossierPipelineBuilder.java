package io.dossiersync.core.pipeline;

import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.index.FileSystemIndexer;
import io.dossiersync.core.index.Indexer;
import io.dossiersync.core.index.ManifestRegistry;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.internal.UlidGenerator;
import io.dossiersync.core.queue.QueueStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link DossierPipeline}. Only {@link #queueStore} is required; every other part has a
 * default:
 *
 * <ul>
 *   <li>{@link #indexer}: a {@link FileSystemIndexer};
 *   <li>{@link #clock}: {@link Clock#systemUTC()};
 *   <li>{@link #surfacePolicy}: {@link SurfacePolicy#specKittyDefault()};
 *   <li>{@link #manifests}: {@link ManifestRegistry#builtIn()};
 *   <li>{@link #ids}: a {@link UlidGenerator} on the pipeline's clock and a {@link SecureRandom};
 *   <li>{@link #listener}: {@link SyncListener#noop()}.
 * </ul>
 *
 * <p>Not thread-safe; the pipeline it builds is.
 *
 * @since 0.1.0
 */
public final class DossierPipelineBuilder {

  private @Nullable QueueStore queueStore;
  private Indexer indexer = new FileSystemIndexer();
  private Clock clock = Clock.systemUTC();
  private SurfacePolicy surfacePolicy = SurfacePolicy.specKittyDefault();
  private ManifestRegistry manifests = ManifestRegistry.builtIn();
  private @Nullable Supplier<String> ids;
  private SyncListener listener = SyncListener.noop();
  private long chunkBytes = BodyStream.DEFAULT_CHUNK_BYTES;
  private Consumer<MissionDossier> afterIndex = dossier -> {};
  private int preparationThreads = defaultPreparationThreads();

  DossierPipelineBuilder() {}

  /**
   * The store whose event and body queues receive the sync (required).
   *
   * @param store the queue store; the pipeline does not close it
   * @return this builder
   */
  public DossierPipelineBuilder queueStore(QueueStore store) {
    this.queueStore = Objects.requireNonNull(store, "queueStore");
    return this;
  }

  /**
   * The indexer (default: a {@link FileSystemIndexer}).
   *
   * @param indexer the indexer
   * @return this builder
   */
  public DossierPipelineBuilder indexer(Indexer indexer) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    return this;
  }

  /**
   * The clock for enqueue times, event timestamps and ULIDs (default: {@link Clock#systemUTC()}).
   *
   * @param clock the clock
   * @return this builder
   */
  public DossierPipelineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The surfaces whose bodies are synced (default: {@link SurfacePolicy#specKittyDefault()}).
   *
   * @param policy the policy; the format filter and the size guard still apply
   * @return this builder
   */
  public DossierPipelineBuilder surfacePolicy(SurfacePolicy policy) {
    this.surfacePolicy = Objects.requireNonNull(policy, "surfacePolicy");
    return this;
  }

  /**
   * The expected-artifact manifests by mission type (default: {@link ManifestRegistry#builtIn()}).
   *
   * @param registry the manifests
   * @return this builder
   */
  public DossierPipelineBuilder manifests(ManifestRegistry registry) {
    this.manifests = Objects.requireNonNull(registry, "manifests");
    return this;
  }

  /**
   * The source of event ids, snapshot ids and upload ids (default: a {@link UlidGenerator} on the
   * pipeline's clock with a {@link SecureRandom}). Every value must be unique.
   *
   * @param ids the id source, thread-safe
   * @return this builder
   */
  public DossierPipelineBuilder ids(Supplier<String> ids) {
    this.ids = Objects.requireNonNull(ids, "ids");
    return this;
  }

  /**
   * Who receives each feature's enqueue counts (default: {@link SyncListener#noop()}).
   *
   * @param listener the listener; its exceptions are logged, never thrown to the caller
   * @return this builder
   */
  public DossierPipelineBuilder listener(SyncListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Test seam: the body text a chunk holds at most (default 32 MiB). */
  /**
   * How many threads {@link DossierPipeline#syncAll} reads and hashes features on, ahead of the one
   * thread that writes the store; 1 reads on the calling thread. Default: the available processors,
   * at most 4.
   *
   * @param threads 1 to 64
   * @return this builder
   * @throws IllegalArgumentException when out of range
   */
  public DossierPipelineBuilder preparationThreads(int threads) {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException(
          "preparationThreads must be 1 to 64, was " + threads + ": pass 1 to read on the caller");
    }
    this.preparationThreads = threads;
    return this;
  }

  private static int defaultPreparationThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  DossierPipelineBuilder chunkBytes(long chunkBytes) {
    this.chunkBytes = chunkBytes;
    return this;
  }

  /** Test seam: runs between the index and the body reads (e.g. to swap a directory). */
  DossierPipelineBuilder afterIndex(Consumer<MissionDossier> afterIndex) {
    this.afterIndex = Objects.requireNonNull(afterIndex, "afterIndex");
    return this;
  }

  /**
   * Builds the pipeline.
   *
   * @return the pipeline
   * @throws IllegalArgumentException when no queue store was given
   */
  public DossierPipeline build() {
    QueueStore store = queueStore;
    if (store == null) {
      throw new IllegalArgumentException("queueStore is required: pass the store to enqueue into");
    }
    Supplier<String> idSource = ids != null ? ids : new UlidGenerator(clock, new SecureRandom());
    return new DossierPipeline(
        store,
        indexer,
        clock,
        surfacePolicy,
        manifests,
        idSource,
        listener,
        chunkBytes,
        afterIndex,
        preparationThreads);
  }
}
