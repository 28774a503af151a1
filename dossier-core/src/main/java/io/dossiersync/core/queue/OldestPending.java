package io.dossiersync.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The task that has waited longest in either queue ({@code dossier status --check}).
 *
 * @param kind event or body
 * @param featureSlug the task's feature
 * @param artifactPath for a body its path; for an event its aggregate id
 * @param createdAt when it was enqueued
 * @since 0.1.0
 */
public record OldestPending(
    FailureKind kind, String featureSlug, String artifactPath, Instant createdAt) {

  /** Checks that no field is null. */
  public OldestPending {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(featureSlug, "featureSlug");
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * How long it has waited.
   *
   * @param now the current time
   * @return the age, never negative
   */
  public Duration age(Instant now) {
    return createdAt.isAfter(now) ? Duration.ZERO : Duration.between(createdAt, now);
  }
}
