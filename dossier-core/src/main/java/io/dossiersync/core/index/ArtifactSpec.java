package io.dossiersync.core.index;

import java.util.Objects;

/**
 * One entry of an expected-artifact manifest: which key and class a matching file gets (PRODUCT.md
 * §2). Immutable.
 *
 * @param artifactKey the key given to matching files, e.g. {@code input.spec.main}
 * @param artifactClass the class given to matching files
 * @param pathPattern a {@link PathGlob} matched against the whole relative path
 * @param blocking whether a missing artifact blocks the mission (sent in {@code
 *     MissionDossierArtifactMissing})
 * @since 0.1.0
 */
public record ArtifactSpec(
    String artifactKey, ArtifactClass artifactClass, String pathPattern, boolean blocking) {

  /** Checks that the key is non-blank and the pattern a relative {@code /}-separated path. */
  public ArtifactSpec {
    Objects.requireNonNull(artifactKey, "artifactKey");
    Objects.requireNonNull(artifactClass, "artifactClass");
    Objects.requireNonNull(pathPattern, "pathPattern");
    if (artifactKey.isBlank()) {
      throw new IllegalArgumentException("artifact_key must not be blank");
    }
    if (!RelativePaths.staysInside(pathPattern)) {
      throw new IllegalArgumentException(
          "path_pattern must be a non-blank '/'-separated relative pattern without '..', got '"
              + pathPattern
              + "'");
    }
  }
}
