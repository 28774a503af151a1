package io.dossiersync.receiver;

import io.dossiersync.core.NamespaceRef;
import java.util.Objects;

/**
 * The identity of a body on the receiver: namespace, artifact path and content hash. The receiver
 * stores each key once (201 stored) and answers 200 already_exists after; its index holds the keys
 * that {@code MissionDossierArtifactIndexed} events announced. Immutable.
 *
 * @param namespace the five namespace fields
 * @param artifactPath the feature-relative path
 * @param contentHash lower-case hex SHA-256 of the body's bytes
 * @since 0.1.0
 */
public record BodyKey(NamespaceRef namespace, String artifactPath, String contentHash) {

  /** Checks that no field is null. */
  public BodyKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  @Override
  public String toString() {
    return namespace.projectUuid()
        + "/"
        + namespace.featureSlug()
        + "@"
        + namespace.targetBranch()
        + ":"
        + artifactPath
        + " sha256:"
        + contentHash;
  }
}
