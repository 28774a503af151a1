package io.dossiersync.core.watch;

import io.dossiersync.core.pipeline.DossierSyncResult;
import java.nio.file.Path;

/**
 * Receives what a {@link DossierWatcher} did: each feature it synced, each it could not read and
 * each that disappeared. Every method defaults to doing nothing.
 *
 * <p>Calls come from the watcher's one thread, in order; implementations are quick (the next sync
 * waits for them). An exception thrown by a listener is logged by the watcher and changes nothing
 * else.
 *
 * @since 0.1.0
 */
public interface WatchListener {

  /**
   * A feature was synced into the queue: at start, after a change, or by a rescan.
   *
   * @param featureDir the feature directory
   * @param result what the sync enqueued
   */
  default void onFeatureSynced(Path featureDir, DossierSyncResult result) {}

  /**
   * A feature could not be synced, e.g. its {@code meta.json} is invalid. Reported once per change
   * of the feature's files, not on every rescan; the other features go on.
   *
   * @param featureDir the feature directory
   * @param reason what is wrong, one line
   */
  default void onFeatureFailed(Path featureDir, String reason) {}

  /**
   * A watched feature directory is gone. Reported once; it is synced again if it comes back.
   *
   * @param featureDir the feature directory
   */
  default void onFeatureGone(Path featureDir) {}

  /**
   * The listener that ignores everything: the default.
   *
   * @return the no-op listener
   */
  static WatchListener noop() {
    return new WatchListener() {};
  }
}
