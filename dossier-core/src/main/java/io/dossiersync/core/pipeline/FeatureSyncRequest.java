package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One feature directory to sync with {@link DossierPipeline#syncAll}: the directory, its namespace
 * and the sync options.
 *
 * @param featureDir the feature directory
 * @param namespace its namespace; its mission key selects the manifest
 * @param options the mission step, if any
 * @since 0.2.0
 */
public record FeatureSyncRequest(Path featureDir, NamespaceRef namespace, SyncOptions options) {

  /** Checks that no part is null. */
  public FeatureSyncRequest {
    Objects.requireNonNull(featureDir, "featureDir");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(options, "options");
  }

  /**
   * A request with the default options (no mission step).
   *
   * @param featureDir the feature directory
   * @param namespace its namespace
   * @return the request
   */
  public static FeatureSyncRequest of(Path featureDir, NamespaceRef namespace) {
    return new FeatureSyncRequest(featureDir, namespace, SyncOptions.defaults());
  }
}
