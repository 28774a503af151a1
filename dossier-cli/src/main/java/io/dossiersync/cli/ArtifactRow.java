package io.dossiersync.cli;

import io.dossiersync.core.body.UploadOutcome;
import java.util.Map;
import java.util.Optional;

/**
 * One artifact line of {@code dossier sync}: path, status, reason and hash, as the drain left it.
 *
 * @param path the feature-relative path
 * @param status the wire status ({@code uploaded}, {@code queued}, …)
 * @param reason the reason, when there is one
 * @param contentHash the hash, when known
 */
record ArtifactRow(
    String path, String status, Optional<String> reason, Optional<String> contentHash) {

  static ArtifactRow of(UploadOutcome outcome) {
    return new ArtifactRow(
        outcome.artifactPath(),
        outcome.status().wireName(),
        outcome.reason(),
        outcome.contentHash());
  }

  ArtifactRow after(String newStatus, Optional<String> newReason) {
    return new ArtifactRow(path, newStatus, newReason, contentHash);
  }

  boolean failed() {
    return "failed".equals(status);
  }

  Map<String, Object> json() {
    return Json.object(
        "artifact_path",
        path,
        "status",
        status,
        "reason",
        reason.orElse(null),
        "content_hash",
        contentHash.orElse(null));
  }
}
