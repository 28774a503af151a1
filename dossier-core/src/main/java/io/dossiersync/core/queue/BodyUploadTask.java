package io.dossiersync.core.queue;

import io.dossiersync.core.NamespaceRef;
import java.util.Objects;

/**
 * One body waiting to be uploaded: the namespace, the artifact's feature-relative path, the SHA-256
 * of its raw bytes and its text body (PRODUCT.md §3, body queue).
 *
 * <p>Two tasks are the same task when their namespace, path and hash are equal (the queue's unique
 * key); {@code uploadId} is the queue's own identity for the row. Immutable.
 *
 * @param uploadId a ULID naming this task in the queue
 * @param namespace the namespace the body belongs to
 * @param artifactPath the feature-relative path with {@code /} separators
 * @param contentHash lower-case hex SHA-256 of the raw file bytes
 * @param contentBody the body text, valid UTF-8, at most 524,288 bytes when encoded
 * @param sizeBytes the raw byte size of the body
 * @since 0.1.0
 */
public record BodyUploadTask(
    String uploadId,
    NamespaceRef namespace,
    String artifactPath,
    String contentHash,
    String contentBody,
    long sizeBytes) {

  /** The only hash algorithm of v1, sent as {@code hash_algorithm}. */
  public static final String HASH_ALGORITHM = "sha256";

  /** Checks that no field is null and the size is not negative. */
  public BodyUploadTask {
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(contentBody, "contentBody");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0, got " + sizeBytes);
    }
  }

  /**
   * The hash algorithm of {@link #contentHash()}.
   *
   * @return always {@value #HASH_ALGORITHM} in v1
   */
  public String hashAlgorithm() {
    return HASH_ALGORITHM;
  }

  /** A description without the body, safe to log. */
  @Override
  public String toString() {
    return "BodyUploadTask["
        + uploadId
        + " "
        + namespace.featureSlug()
        + ":"
        + artifactPath
        + " sha256:"
        + contentHash
        + " "
        + sizeBytes
        + " bytes]";
  }
}
