package io.dossiersync.core.queue;

import io.dossiersync.core.NamespaceRef;
import java.time.Instant;
import java.util.Objects;

/**
 * An {@code …ArtifactIndexed} event held in the failure records: the body it announced (namespace,
 * path and hash, from its payload's {@code relative_path} and {@code content_hash_sha256}) and when
 * it last failed. A queued body of the same namespace, path and hash, enqueued at or before that
 * time, will never find its index entry, so the drain fails it as {@link
 * FailureRecords#INDEX_EVENT_FAILED} instead of sending it (PRODUCT.md §4.2), in whichever process
 * or round the event failed. Immutable.
 *
 * @param namespace the event's namespace
 * @param artifactPath the path its payload announces
 * @param contentHash the hash its payload announces
 * @param failedAt when its record last failed (the latest, when several records announce it)
 * @since 0.1.0
 */
public record FailedIndexEvent(
    NamespaceRef namespace, String artifactPath, String contentHash, Instant failedAt) {

  /** Checks that no field is null. */
  public FailedIndexEvent {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(failedAt, "failedAt");
  }

  /**
   * Whether this event announced {@code body} and failed at or after {@code enqueuedAt} (a body
   * enqueued later came with a newer index event of its own).
   *
   * @param body the queued body
   * @param enqueuedAt when the body was enqueued
   * @return true when the body should follow the event to the failure records
   */
  public boolean announces(BodyUploadTask body, Instant enqueuedAt) {
    return namespace.equals(body.namespace())
        && artifactPath.equals(body.artifactPath())
        && contentHash.equals(body.contentHash())
        && !failedAt.isBefore(enqueuedAt);
  }
}
