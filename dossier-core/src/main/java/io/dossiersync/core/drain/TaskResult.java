package io.dossiersync.core.drain;

import io.dossiersync.core.NamespaceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one drain attempt on one task, as the {@link DrainListener} receives it [FR-012].
 * It never holds a body or a token.
 *
 * @param kind event or body
 * @param taskId the event id or the body's upload id
 * @param namespace the task's namespace
 * @param artifactPath for a body its path; for an event its aggregate id ({@code
 *     <feature_slug>:<relative_path>} or {@code <feature_slug>:<artifact_key>})
 * @param contentHash for a body its hash; empty for an event
 * @param status what happened
 * @param reason the reason code and detail, e.g. {@code stored}, {@code rate_limited}, {@code
 *     retry_ceiling: http_503}
 * @param nextAttemptAt for {@link TaskStatus#RETRY}: when the task is due again
 * @param httpStatus the receiver's HTTP status for this attempt, or 0 when no answer arrived (a
 *     network error, a task given back unsent)
 * @param duration how long the request that carried this task took ({@link Duration#ZERO} when none
 *     was sent); for an event, the duration of its whole batch's request
 * @since 0.1.0
 */
public record TaskResult(
    TaskKind kind,
    String taskId,
    NamespaceRef namespace,
    String artifactPath,
    Optional<String> contentHash,
    TaskStatus status,
    String reason,
    Optional<Instant> nextAttemptAt,
    int httpStatus,
    Duration duration) {

  /** Checks that no field is null. */
  public TaskResult {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(duration, "duration");
  }

  /**
   * The reason code alone, without its detail: the part of {@link #reason()} before the first
   * {@code :} (PRODUCT.md §2), what metrics and tools match on.
   *
   * @return e.g. {@code retry_ceiling} for {@code retry_ceiling: http_503}
   */
  public String reasonCode() {
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
