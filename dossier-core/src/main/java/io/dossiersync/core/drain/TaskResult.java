package io.dossiersync.core.drain;

import io.dossiersync.core.NamespaceRef;
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
 */
public record TaskResult(
    TaskKind kind,
    String taskId,
    NamespaceRef namespace,
    String artifactPath,
    Optional<String> contentHash,
    TaskStatus status,
    String reason,
    Optional<Instant> nextAttemptAt) {

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
  }
}
