package io.dossiersync.core.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.dossiersync.core.pipeline.DossierSyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a watch, owned by the watcher's one thread: which features are known, the
 * fingerprint each was last synced (or refused) at, which are gone, and the debounce timer of each.
 * File events touch a feature; its sync runs once no event touched it for the quiet period. A
 * rescan syncs the features whose fingerprint changed, picks up new ones and reports vanished ones.
 * Not thread-safe: every method runs on the {@link WatchScheduler}'s thread.
 */
final class FeatureTracker {

  private static final Logger LOG = LoggerFactory.getLogger(FeatureTracker.class);

  /** What the watcher knows of one feature. */
  private static final class FeatureState {
    @Nullable String syncedAt;
    @Nullable String refusedAt;
    boolean known;
    boolean gone;
    @Nullable Runnable pending;
  }

  private final WatchRoots roots;
  private final DirectoryRegistry registry;
  private final WatchScheduler scheduler;
  private final Duration debounce;
  private final Duration rescanInterval;
  private final Function<Path, DossierSyncResult> sync;
  private final WatchListener listener;
  private final Runnable onEnqueued;
  private final Map<Path, FeatureState> features = new HashMap<>();
  private int syncs;

  FeatureTracker(
      WatchRoots roots,
      DirectoryRegistry registry,
      WatchScheduler scheduler,
      Duration debounce,
      Duration rescanInterval,
      Function<Path, DossierSyncResult> sync,
      WatchListener listener,
      Runnable onEnqueued) {
    this.roots = roots;
    this.registry = registry;
    this.scheduler = scheduler;
    this.debounce = debounce;
    this.rescanInterval = rescanInterval;
    this.sync = sync;
    this.listener = listener;
    this.onEnqueued = onEnqueued;
  }

  /** Registers every tree, syncs every feature once, and schedules the first rescan. */
  void start() {
    roots.roots().forEach(r -> registry.registerTree(r.dir()));
    for (Path feature : roots.features()) {
      syncNow(feature, true);
    }
    scheduler.schedule(this::rescan, rescanInterval);
  }

  /** Handles the events the file watcher reported for one directory. */
  void onEvents(Path dir, List<WatchEvent<?>> events) {
    for (WatchEvent<?> event : events) {
      if (event.kind() == OVERFLOW) {
        overflow(dir);
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      LOG.debug("file event {} {}", event.kind().name(), path);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
        registry.registerTree(path);
      }
      roots.featureOf(path).ifPresent(this::touch);
    }
  }

  /**
   * The watcher lost events under {@code dir}: rescans the affected tree (registers what is new and
   * re-syncs every feature in it after the quiet period).
   */
  void overflow(Path dir) {
    Path tree = roots.featureOf(dir).orElse(dir);
    LOG.debug("file watcher overflow in {}; rescanning {}", dir, tree);
    registry.registerTree(tree);
    Set<Path> affected = new LinkedHashSet<>();
    for (Path feature : roots.features()) {
      if (feature.startsWith(tree)) {
        affected.add(feature);
      }
    }
    features.keySet().stream().filter(f -> f.startsWith(tree)).forEach(affected::add);
    affected.forEach(this::touch);
  }

  /** Starts (or restarts) the quiet period of a feature. */
  void touch(Path feature) {
    FeatureState state = state(feature);
    if (state.pending != null) {
      state.pending.run();
    }
    state.pending =
        scheduler.schedule(
            () -> {
              state.pending = null;
              syncNow(feature, true);
            },
            debounce);
  }

  /** The periodic full rescan; schedules the next one. */
  void rescan() {
    try {
      registry.dropInvalid();
      roots.roots().forEach(r -> registry.registerTree(r.dir()));
      Set<Path> present = new LinkedHashSet<>(roots.features());
      for (Path feature : present) {
        syncNow(feature, false);
      }
      for (Path known : new ArrayList<>(features.keySet())) {
        if (!present.contains(known)) {
          syncNow(known, false);
        }
      }
    } finally {
      scheduler.schedule(this::rescan, rescanInterval);
    }
  }

  /** Syncs now every feature whose quiet period is still running (at shutdown). */
  void flush() {
    for (Map.Entry<Path, FeatureState> entry : new ArrayList<>(features.entrySet())) {
      Runnable pending = entry.getValue().pending;
      if (pending != null) {
        pending.run();
        entry.getValue().pending = null;
        syncNow(entry.getKey(), true);
      }
    }
  }

  /** How many syncs ran (initial, after changes, by rescans). */
  int syncs() {
    return syncs;
  }

  private FeatureState state(Path feature) {
    return features.computeIfAbsent(feature, f -> new FeatureState());
  }

  /**
   * Syncs one feature unless there is nothing to do: a feature gone is reported once; a rescan
   * ({@code changed} false) skips a feature whose fingerprint has not moved; a feature refused at
   * this fingerprint is not tried (and reported) again.
   */
  private void syncNow(Path feature, boolean changed) {
    FeatureState state = state(feature);
    if (!Files.isDirectory(feature) || !(state.known || roots.isCandidate(feature))) {
      if (state.known && !state.gone) {
        state.gone = true;
        state.syncedAt = null;
        listener.onFeatureGone(feature);
      } else if (!state.known) {
        features.remove(feature);
      }
      return;
    }
    Optional<String> fingerprint = Fingerprint.of(feature);
    String at = fingerprint.orElse(null);
    if (!changed && Objects.equals(at, state.syncedAt) && at != null) {
      return;
    }
    if (at != null && at.equals(state.refusedAt)) {
      return;
    }
    if (!changed && state.known) {
      LOG.debug(
          "rescan: {} changed since its last sync{}",
          feature,
          state.pending == null ? "; no file event told of it" : "; its quiet period is running");
    }
    DossierSyncResult result;
    try {
      syncs++;
      result = sync.apply(feature);
    } catch (RuntimeException e) {
      state.refusedAt = at;
      state.syncedAt = null;
      listener.onFeatureFailed(feature, String.valueOf(e.getMessage()));
      return;
    }
    state.known = true;
    state.gone = false;
    state.syncedAt = at;
    state.refusedAt = null;
    listener.onFeatureSynced(feature, result);
    onEnqueued.run();
  }
}
