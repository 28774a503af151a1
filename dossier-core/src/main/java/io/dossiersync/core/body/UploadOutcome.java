package io.dossiersync.core.body;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one artifact's body [FR-012]: every artifact the indexer returned gets exactly
 * one outcome per sync.
 *
 * <p>A reason is a code, optionally followed by {@code ": "} and a detail ({@code oversized: 600000
 * bytes > 524288 limit}); tools match on the code, see {@link #reasonCode()}.
 *
 * @param artifactPath the feature-relative path
 * @param status the status
 * @param reason the reason code and detail, when there is one
 * @param contentHash the SHA-256 hex of the raw bytes, when known
 * @param retryable whether a later attempt may succeed without a change on the user's side
 * @since 0.1.0
 */
public record UploadOutcome(
    String artifactPath,
    OutcomeStatus status,
    Optional<String> reason,
    Optional<String> contentHash,
    boolean retryable) {

  /** Checks that no field is null. */
  public UploadOutcome {
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  /**
   * The code part of the reason: the text before the first {@code :}.
   *
   * @return the code, empty when there is no reason
   */
  public Optional<String> reasonCode() {
    return reason.map(
        r -> {
          int colon = r.indexOf(':');
          return colon < 0 ? r : r.substring(0, colon);
        });
  }

  /**
   * A skipped outcome.
   *
   * @param artifactPath the path
   * @param reason the reason code and detail
   * @param contentHash the hash, if known
   * @return the outcome
   */
  public static UploadOutcome skipped(
      String artifactPath, String reason, Optional<String> contentHash) {
    return new UploadOutcome(
        artifactPath, OutcomeStatus.SKIPPED, Optional.of(reason), contentHash, false);
  }
}
