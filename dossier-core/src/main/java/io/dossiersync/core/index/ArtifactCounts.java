package io.dossiersync.core.index;

import java.util.List;

/**
 * The artifact counts of a dossier, as sent in {@code MissionDossierSnapshotComputed} ({@code
 * artifact_counts}). Immutable.
 *
 * @param total every artifact, present or not
 * @param required artifacts whose status is required
 * @param requiredPresent required artifacts that are present
 * @param requiredMissing required artifacts that are absent (not found, unreadable, deleted)
 * @param optional artifacts whose status is optional
 * @param optionalPresent optional artifacts that are present
 * @since 0.1.0
 */
public record ArtifactCounts(
    int total,
    int required,
    int requiredPresent,
    int requiredMissing,
    int optional,
    int optionalPresent) {

  /**
   * Counts the artifacts of a list.
   *
   * @param artifacts the artifacts
   * @return their counts
   */
  public static ArtifactCounts of(List<ArtifactRef> artifacts) {
    int required = 0;
    int requiredPresent = 0;
    int optionalPresent = 0;
    for (ArtifactRef artifact : artifacts) {
      if (artifact.isRequired()) {
        required++;
        if (artifact.isPresent()) {
          requiredPresent++;
        }
      } else if (artifact.isPresent()) {
        optionalPresent++;
      }
    }
    return new ArtifactCounts(
        artifacts.size(),
        required,
        requiredPresent,
        required - requiredPresent,
        artifacts.size() - required,
        optionalPresent);
  }
}
