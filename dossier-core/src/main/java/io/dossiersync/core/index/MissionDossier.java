package io.dossiersync.core.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The indexer's picture of one feature directory: every artifact, in index order, and what the
 * expected-artifact manifest makes of them (PRODUCT.md §2). Immutable and thread-safe.
 *
 * @param missionType the mission type the artifacts were classified for, e.g. {@code software-dev}
 * @param step the mission step whose required artifacts were checked, if one was given
 * @param manifestVersion the manifest's version, {@code "1"} when no manifest applies
 * @param artifacts the artifacts: files in code-point order of their paths, then the required
 *     artifacts that were not found, in manifest order
 * @param completeness complete or incomplete when a manifest applies, else unknown
 * @param counts the artifact counts
 * @since 0.1.0
 */
public record MissionDossier(
    String missionType,
    Optional<String> step,
    String manifestVersion,
    List<ArtifactRef> artifacts,
    Completeness completeness,
    ArtifactCounts counts) {

  /** Copies the list and checks that no field is null. */
  public MissionDossier {
    Objects.requireNonNull(missionType, "missionType");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(manifestVersion, "manifestVersion");
    artifacts = List.copyOf(Objects.requireNonNull(artifacts, "artifacts"));
    Objects.requireNonNull(completeness, "completeness");
    Objects.requireNonNull(counts, "counts");
  }

  /**
   * Builds a dossier, deriving the counts and the completeness from the artifacts.
   *
   * @param missionType the mission type
   * @param step the step, if any
   * @param manifestVersion the manifest version
   * @param artifacts the artifacts in index order
   * @param manifestApplies whether a manifest classified the artifacts (else completeness is
   *     unknown)
   * @return the dossier
   */
  public static MissionDossier of(
      String missionType,
      Optional<String> step,
      String manifestVersion,
      List<ArtifactRef> artifacts,
      boolean manifestApplies) {
    ArtifactCounts counts = ArtifactCounts.of(artifacts);
    Completeness completeness;
    if (!manifestApplies) {
      completeness = Completeness.UNKNOWN;
    } else if (counts.requiredMissing() == 0) {
      completeness = Completeness.COMPLETE;
    } else {
      completeness = Completeness.INCOMPLETE;
    }
    return new MissionDossier(missionType, step, manifestVersion, artifacts, completeness, counts);
  }
}
