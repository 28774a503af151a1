package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A task that left its queue without success (non-retryable answer, or past the retry ceiling),
 * kept so that nothing disappears silently (PRODUCT.md §3, DS-01). It can be re-queued.
 *
 * @param id the record's id in the store
 * @param kind the queue it came from
 * @param projectUuid the task's project
 * @param featureSlug the task's feature
 * @param artifactPath for a body: its path; for an event: the event's artifact path if it has one
 * @param contentHash for a body: its hash; for an event: the artifact hash if it has one
 * @param reason the reason code (and detail) of the last failure
 * @param attempts how many attempts were made
 * @param firstFailedAt when the first attempt failed
 * @param lastFailedAt when the last attempt failed
 * @since 0.1.0
 */
public record FailureRecord(
    long id,
    FailureKind kind,
    String projectUuid,
    String featureSlug,
    Optional<String> artifactPath,
    Optional<String> contentHash,
    String reason,
    int attempts,
    Instant firstFailedAt,
    Instant lastFailedAt) {

  /** Checks that no field is null. */
  public FailureRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(projectUuid, "projectUuid");
    Objects.requireNonNull(featureSlug, "featureSlug");
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(firstFailedAt, "firstFailedAt");
    Objects.requireNonNull(lastFailedAt, "lastFailedAt");
  }
}
