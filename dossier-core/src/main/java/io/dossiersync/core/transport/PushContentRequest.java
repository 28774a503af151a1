package io.dossiersync.core.transport;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import java.util.Objects;

/**
 * One {@code POST /api/dossier/push-content/} request: exactly the nine JSON fields of PRODUCT.md
 * §4.1 (the five namespace fields, {@code artifact_path}, {@code content_hash}, {@code
 * hash_algorithm}, {@code content_body}).
 *
 * @param namespace the five namespace fields
 * @param artifactPath feature-relative path
 * @param contentHash lower-case hex SHA-256 of the body's raw bytes
 * @param contentBody the body text
 * @since 0.1.0
 */
public record PushContentRequest(
    NamespaceRef namespace, String artifactPath, String contentHash, String contentBody) {

  /** Checks that no field is null. */
  public PushContentRequest {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(contentBody, "contentBody");
  }

  /**
   * The request for a queued task.
   *
   * @param task the task
   * @return its request
   */
  public static PushContentRequest of(BodyUploadTask task) {
    return new PushContentRequest(
        task.namespace(), task.artifactPath(), task.contentHash(), task.contentBody());
  }

  /**
   * The {@code hash_algorithm} field.
   *
   * @return {@value BodyUploadTask#HASH_ALGORITHM}
   */
  public String hashAlgorithm() {
    return BodyUploadTask.HASH_ALGORITHM;
  }

  /** A description without the body, safe to log. */
  @Override
  public String toString() {
    return "PushContentRequest["
        + namespace.featureSlug()
        + ":"
        + artifactPath
        + " sha256:"
        + contentHash
        + "]";
  }
}
