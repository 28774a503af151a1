package io.dossiersync.core.watch;

import io.dossiersync.core.checkout.CheckoutNamespace;
import io.dossiersync.core.checkout.NamespaceOverrides;
import io.dossiersync.core.checkout.SpecKittyCheckout;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.pipeline.SyncOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live sync of feature directories (PRODUCT.md §6 {@code dossier watch}): syncs each feature once,
 * then re-syncs a feature after a quiet period ({@code debounce}) when its files change, picks up
 * new feature directories under a watched {@code kitty-specs} directory, and rescans everything
 * every {@code rescanInterval} for what the file watcher missed. It only enqueues: delivery is the
 * job of a {@link io.dossiersync.core.drain.BackgroundSync} that the host runs and wakes from
 * {@link DossierWatcherBuilder#onEnqueued}, with {@link WatchedProjects} as its consent.
 *
 * <pre>{@code
 * WatchedProjects projects = new WatchedProjects();
 * BackgroundSync drain = BackgroundSync.builder(engineWithConsent(projects)).build();
 * drain.start();
 * try (DossierWatcher watcher = DossierWatcher.builder()
 *     .pipeline(DossierPipeline.builder().queueStore(store).build())
 *     .directories(List.of(Path.of("kitty-specs")))
 *     .projects(projects)
 *     .onEnqueued(drain::wakeUp)
 *     .listener(myListener)
 *     .build()) {
 *   watcher.start();
 *   ...   // until the host stops
 * }
 * drain.stop(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p><b>Threads:</b> two named daemon threads: {@code dossier-watch-events} blocks on the JDK
 * {@link WatchService} (no polling) and hands each batch of events to {@code dossier-watch}, which
 * owns all state, runs the debounce timers, the rescans and the syncs, one at a time. Idle, both
 * block. <b>Failures:</b> a feature that cannot be read is reported to the listener once per change
 * and the others go on; nothing escapes the threads but an {@link Error}, which is logged and stops
 * them. <b>Shutdown:</b> {@link #close()} stops watching, runs the syncs whose quiet period was
 * still running, and waits for them (at most the close timeout): every change seen before the close
 * is in the queue afterwards. It closes what it created (the watch service, its threads), never the
 * pipeline or store it was handed. Thread-safe.
 *
 * @since 0.1.0
 */
public final class DossierWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DossierWatcher.class);

  private final WatchService service;
  private final WatchScheduler scheduler;
  private final boolean ownsScheduler;
  private final FeatureTracker tracker;
  private final Predicate<Path> eventFilter;
  private final Duration closeTimeout;
  private final Thread events;
  private volatile boolean started;
  private volatile boolean closed;

  DossierWatcher(DossierWatcherBuilder b) {
    WatchRoots roots = WatchRoots.of(b.directories);
    try {
      this.service = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the file watcher: " + e.getMessage(), e);
    }
    this.ownsScheduler = b.scheduler == null;
    this.scheduler =
        b.scheduler != null ? b.scheduler : new ExecutorWatchScheduler("dossier-watch");
    this.eventFilter = b.eventFilter;
    this.closeTimeout = b.closeTimeout;
    SpecKittyCheckout checkout = new SpecKittyCheckout();
    DossierPipeline pipeline = b.pipeline;
    NamespaceOverrides overrides = b.overrides;
    SyncOptions options = b.options;
    WatchedProjects projects = b.projects;
    WatchListener listener = new SafeListener(b.listener);
    this.tracker =
        new FeatureTracker(
            roots,
            new DirectoryRegistry(service),
            scheduler,
            b.debounce,
            b.rescanInterval,
            feature -> {
              CheckoutNamespace namespace = checkout.read(feature, overrides);
              projects.add(namespace.namespace().projectUuid());
              namespace.warnings().forEach(w -> LOG.warn("{}: {}", feature, w));
              return pipeline.syncFeatureDossier(feature, namespace.namespace(), options);
            },
            listener,
            b.onEnqueued);
    this.events = new Thread(this::readEvents, "dossier-watch-events");
    this.events.setDaemon(true);
  }

  /**
   * Starts configuring a watcher.
   *
   * @return a builder with the documented defaults
   */
  public static DossierWatcherBuilder builder() {
    return new DossierWatcherBuilder();
  }

  /**
   * Starts watching: registers the directories, syncs every feature once (on the watcher's thread;
   * the listener hears of each), then follows changes. Returns at once.
   *
   * @throws IllegalStateException when started before, or closed
   */
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException(
          closed ? "the watcher is closed; build a new one" : "the watcher is already started");
    }
    started = true;
    scheduler.execute(tracker::start);
    events.start();
  }

  /**
   * Stops watching: no new event is taken, the syncs whose quiet period was running run now, and
   * the call waits for them, at most the close timeout. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      LOG.debug("closing the file watcher: {}", e.toString());
    }
    try {
      events.join(closeTimeout.toMillis());
      if (ownsScheduler) {
        ExecutorWatchScheduler own = (ExecutorWatchScheduler) scheduler;
        if (!own.shutdown(tracker::flush, closeTimeout)) {
          LOG.warn("the watcher's last syncs did not end within {}", closeTimeout);
          own.close();
        }
      } else if (started) {
        scheduler.execute(tracker::flush);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Test seam: as if the file watcher had reported an overflow (lost events) for {@code dir}. */
  void simulateOverflow(Path dir) {
    scheduler.execute(() -> tracker.overflow(dir.toAbsolutePath().normalize()));
  }

  /** How many feature syncs ran so far; read on the watcher's thread. */
  int syncs() {
    return tracker.syncs();
  }

  private void readEvents() {
    try {
      while (!closed) {
        WatchKey key = service.take();
        Path dir = (Path) key.watchable();
        List<WatchEvent<?>> batch = new ArrayList<>();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (!(event.context() instanceof Path p) || eventFilter.test(dir.resolve(p))) {
            batch.add(event);
          }
        }
        key.reset();
        if (!batch.isEmpty()) {
          scheduler.execute(() -> tracker.onEvents(dir, batch));
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      LOG.debug("file watcher stopped");
    }
  }

  /** The host's listener, with its exceptions logged instead of thrown. */
  private record SafeListener(WatchListener host) implements WatchListener {
    @Override
    public void onFeatureSynced(Path featureDir, DossierSyncResult result) {
      guard(() -> host.onFeatureSynced(featureDir, result));
    }

    @Override
    public void onFeatureFailed(Path featureDir, String reason) {
      guard(() -> host.onFeatureFailed(featureDir, reason));
    }

    @Override
    public void onFeatureGone(Path featureDir) {
      guard(() -> host.onFeatureGone(featureDir));
    }

    private static void guard(Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        LOG.warn("watch listener failed: {}", e.toString(), e);
      }
    }
  }
}
