package io.dossiersync.core.index;

import java.util.Optional;

/**
 * Artifact refs of files the index expected but did not read: not present, no hash, size 0, with
 * the reason. For tests in any package that need one without indexing a directory.
 */
public final class AbsentArtifacts {

  private AbsentArtifacts() {}

  /**
   * An absent artifact of no work package and no step.
   *
   * @param key the artifact key
   * @param artifactClass the class
   * @param path the relative path, or the pattern a missing manifest entry expected
   * @param reason why it is absent
   * @param status whether the manifest requires it
   * @return the ref
   */
  public static ArtifactRef absent(
      String key,
      ArtifactClass artifactClass,
      String path,
      ArtifactErrorReason reason,
      RequiredStatus status) {
    return absent(key, artifactClass, path, reason, status, Optional.empty(), Optional.empty());
  }

  /**
   * An absent artifact.
   *
   * @param key the artifact key
   * @param artifactClass the class
   * @param path the relative path, or the pattern a missing manifest entry expected
   * @param reason why it is absent
   * @param status whether the manifest requires it
   * @param wpId the work package, if any
   * @param stepId the step, if any
   * @return the ref
   */
  public static ArtifactRef absent(
      String key,
      ArtifactClass artifactClass,
      String path,
      ArtifactErrorReason reason,
      RequiredStatus status,
      Optional<String> wpId,
      Optional<String> stepId) {
    return new ArtifactRef(
        key,
        artifactClass,
        path,
        Optional.empty(),
        0,
        false,
        Optional.of(reason),
        status,
        wpId,
        stepId);
  }
}
