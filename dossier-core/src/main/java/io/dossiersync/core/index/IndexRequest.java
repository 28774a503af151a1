package io.dossiersync.core.index;

import java.util.Objects;
import java.util.Optional;

/**
 * What to index a feature directory for: the mission type, its manifest (if one is known) and the
 * mission step whose required artifacts must be present (if any). Immutable.
 *
 * @param missionType the mission type, e.g. {@code software-dev}
 * @param manifest the mission type's expected-artifact manifest; empty: every artifact optional,
 *     completeness unknown
 * @param step the mission step, e.g. {@code specify}; empty: only {@code required_always} is
 *     checked for missing artifacts
 * @since 0.1.0
 */
public record IndexRequest(
    String missionType, Optional<ExpectedArtifactManifest> manifest, Optional<String> step) {

  /** Checks that no field is null and the mission type is not blank. */
  public IndexRequest {
    Objects.requireNonNull(missionType, "missionType");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(step, "step");
    if (missionType.isBlank()) {
      throw new IllegalArgumentException("missionType must not be blank");
    }
  }

  /**
   * The manifest version the dossier carries.
   *
   * @return the manifest's version, or {@code "1"} without a manifest
   */
  public String manifestVersion() {
    return manifest
        .map(ExpectedArtifactManifest::manifestVersion)
        .orElse(ExpectedArtifactManifest.DEFAULT_MANIFEST_VERSION);
  }
}
