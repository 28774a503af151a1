package io.dossiersync.core.watch;

import io.dossiersync.core.checkout.NamespaceOverrides;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.SyncOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link DossierWatcher}; {@link #build()} validates every setting. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class DossierWatcherBuilder {

  /** Default quiet period before a changed feature is re-synced: 500 ms. */
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(500);

  /** Default interval of the full rescan: 300 s. */
  public static final Duration DEFAULT_RESCAN_INTERVAL = Duration.ofSeconds(300);

  /** Default longest wait of {@link DossierWatcher#close()} for the last syncs: 10 s. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration MAX_DEBOUNCE = Duration.ofMinutes(10);
  private static final Duration MIN_RESCAN = Duration.ofMillis(100);
  private static final Duration MAX_RESCAN = Duration.ofHours(24);

  @Nullable DossierPipeline pipeline;
  List<Path> directories = List.of();
  NamespaceOverrides overrides = NamespaceOverrides.none();
  SyncOptions options = SyncOptions.defaults();
  WatchedProjects projects = new WatchedProjects();
  WatchListener listener = WatchListener.noop();
  Runnable onEnqueued = () -> {};
  Duration debounce = DEFAULT_DEBOUNCE;
  Duration rescanInterval = DEFAULT_RESCAN_INTERVAL;
  Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
  @Nullable WatchScheduler scheduler;
  Predicate<Path> eventFilter = path -> true;

  DossierWatcherBuilder() {}

  /**
   * The pipeline each sync runs (required); its store is where the syncs enqueue. The watcher never
   * closes it.
   *
   * @param pipeline the pipeline
   * @return this builder
   */
  public DossierWatcherBuilder pipeline(DossierPipeline pipeline) {
    this.pipeline = pipeline;
    return this;
  }

  /**
   * The directories to watch (required, at least one): feature directories, or {@code kitty-specs}
   * directories meaning every feature in them, now and later.
   *
   * @param directories existing directories
   * @return this builder
   */
  public DossierWatcherBuilder directories(List<Path> directories) {
    this.directories = List.copyOf(directories);
    return this;
  }

  /**
   * Namespace fields that win over what the checkout says, as the sync flags give them.
   *
   * @param overrides the overrides; default none
   * @return this builder
   */
  public DossierWatcherBuilder overrides(NamespaceOverrides overrides) {
    this.overrides = Objects.requireNonNull(overrides, "overrides");
    return this;
  }

  /**
   * The options of every sync (e.g. the mission step).
   *
   * @param options the options; default {@link SyncOptions#defaults()}
   * @return this builder
   */
  public DossierWatcherBuilder syncOptions(SyncOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * Where the watcher adds the project of each feature it syncs: give the same object to the drain
   * engine as its consent.
   *
   * @param projects the set; default a new, private one
   * @return this builder
   */
  public DossierWatcherBuilder projects(WatchedProjects projects) {
    this.projects = Objects.requireNonNull(projects, "projects");
    return this;
  }

  /**
   * What hears of each sync, refusal and vanished feature.
   *
   * @param listener the listener; default {@link WatchListener#noop()}
   * @return this builder
   */
  public DossierWatcherBuilder listener(WatchListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Called on the watcher's thread after each sync, e.g. {@code backgroundSync::wakeUp} so that
   * delivery starts at once.
   *
   * @param onEnqueued quick and non-blocking; default does nothing
   * @return this builder
   */
  public DossierWatcherBuilder onEnqueued(Runnable onEnqueued) {
    this.onEnqueued = Objects.requireNonNull(onEnqueued, "onEnqueued");
    return this;
  }

  /**
   * The quiet period: a feature is re-synced once no change touched it for this long, so a burst of
   * saves gives one sync.
   *
   * @param debounce 0 to 10 minutes; default 500 ms
   * @return this builder
   */
  public DossierWatcherBuilder debounce(Duration debounce) {
    this.debounce = debounce;
    return this;
  }

  /**
   * The interval of the full rescan, which catches what the file watcher missed.
   *
   * @param rescanInterval 100 ms to 24 hours; default 300 s
   * @return this builder
   */
  public DossierWatcherBuilder rescanInterval(Duration rescanInterval) {
    this.rescanInterval = rescanInterval;
    return this;
  }

  /**
   * The longest {@link DossierWatcher#close()} waits for the last syncs.
   *
   * @param closeTimeout 0 to 10 minutes; default 10 s
   * @return this builder
   */
  public DossierWatcherBuilder closeTimeout(Duration closeTimeout) {
    this.closeTimeout = closeTimeout;
    return this;
  }

  /** Test seam: runs the watcher's work on this scheduler (a virtual clock) instead. */
  DossierWatcherBuilder scheduler(WatchScheduler scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /** Test seam: file events for paths that fail the filter are dropped, as if missed. */
  DossierWatcherBuilder eventFilter(Predicate<Path> eventFilter) {
    this.eventFilter = eventFilter;
    return this;
  }

  /**
   * Validates the settings and creates the watcher (not started).
   *
   * @return the watcher
   * @throws IllegalArgumentException naming a missing or out-of-range setting, or a directory that
   *     does not exist
   * @throws java.io.UncheckedIOException when the file system gives no watch service
   */
  public DossierWatcher build() {
    if (pipeline == null) {
      throw new IllegalArgumentException("pipeline is required (DossierPipeline.builder()...)");
    }
    if (directories.isEmpty()) {
      throw new IllegalArgumentException(
          "directories must name at least one feature or kitty-specs directory");
    }
    check("debounce", debounce, Duration.ZERO, MAX_DEBOUNCE);
    check("rescanInterval", rescanInterval, MIN_RESCAN, MAX_RESCAN);
    check("closeTimeout", closeTimeout, Duration.ZERO, MAX_DEBOUNCE);
    return new DossierWatcher(this);
  }

  private static void check(String name, @Nullable Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
