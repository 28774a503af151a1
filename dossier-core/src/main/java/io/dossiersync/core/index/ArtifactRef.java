package io.dossiersync.core.index;

import java.util.Objects;
import java.util.Optional;

/**
 * One artifact of a dossier, as the indexer found it (PRODUCT.md §2, {@code ArtifactRef}).
 *
 * <p>A present artifact carries the hash and size of its raw bytes; an absent one ({@code isPresent
 * == false}) carries an {@link ArtifactErrorReason} and no hash. For a required artifact that has
 * no file ({@code not_found}) the relative path is the manifest's path pattern. Immutable and
 * thread-safe.
 *
 * @param artifactKey the key, unique within the dossier (e.g. {@code input.spec.main})
 * @param artifactClass the class
 * @param relativePath the feature-relative path with {@code /} separators; never absolute, never
 *     {@code ..}; without {@code \}, except in an {@code invalid_format} artifact
 * @param contentHashSha256 the lower-case hex SHA-256 of the raw bytes; empty when absent
 * @param sizeBytes the number of bytes hashed; 0 when absent
 * @param isPresent whether the file was read completely
 * @param errorReason why the artifact is absent; empty exactly when it is present
 * @param requiredStatus whether the manifest requires the artifact
 * @param wpId the work package id ({@code WP01} for {@code tasks/WP01-x.md}), if any
 * @param stepId the manifest step that requires the artifact, if it was matched by a step's list
 * @since 0.1.0
 */
public record ArtifactRef(
    String artifactKey,
    ArtifactClass artifactClass,
    String relativePath,
    Optional<String> contentHashSha256,
    long sizeBytes,
    boolean isPresent,
    Optional<ArtifactErrorReason> errorReason,
    RequiredStatus requiredStatus,
    Optional<String> wpId,
    Optional<String> stepId) {

  /** Checks the invariants stated in the class comment. */
  public ArtifactRef {
    Objects.requireNonNull(artifactKey, "artifactKey");
    Objects.requireNonNull(artifactClass, "artifactClass");
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(contentHashSha256, "contentHashSha256");
    Objects.requireNonNull(errorReason, "errorReason");
    Objects.requireNonNull(requiredStatus, "requiredStatus");
    Objects.requireNonNull(wpId, "wpId");
    Objects.requireNonNull(stepId, "stepId");
    if (artifactKey.isBlank()) {
      throw new IllegalArgumentException("artifactKey must not be blank");
    }
    boolean invalidName = errorReason.equals(Optional.of(ArtifactErrorReason.INVALID_FORMAT));
    if (!RelativePaths.staysInside(
        invalidName ? relativePath.replace('\\', '\uFFFD') : relativePath)) {
      throw new IllegalArgumentException(
          "relativePath must be a non-empty '/'-separated path inside the feature directory, got '"
              + relativePath
              + "'");
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0, got " + sizeBytes);
    }
    if (isPresent == errorReason.isPresent()) {
      throw new IllegalArgumentException(
          "errorReason must be given exactly when isPresent is false");
    }
    if (isPresent != contentHashSha256.isPresent()) {
      throw new IllegalArgumentException(
          "contentHashSha256 must be given exactly when isPresent is true");
    }
  }

  /**
   * Whether the manifest requires this artifact.
   *
   * @return true for {@link RequiredStatus#REQUIRED}
   */
  public boolean isRequired() {
    return requiredStatus == RequiredStatus.REQUIRED;
  }
}
