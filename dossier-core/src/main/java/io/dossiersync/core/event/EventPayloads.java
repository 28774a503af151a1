package io.dossiersync.core.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.index.ArtifactCounts;
import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.index.ArtifactSpec;
import io.dossiersync.core.index.MissionDossier;

/** Builds the {@code payload} objects of the three dossier events (PRODUCT.md §2). */
final class EventPayloads {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EventPayloads() {}

  static ObjectNode indexed(NamespaceRef ns, ArtifactRef artifact) {
    ObjectNode p = NODES.objectNode();
    p.put("feature_slug", ns.featureSlug());
    p.put("artifact_key", artifact.artifactKey());
    p.put("artifact_class", artifact.artifactClass().wireName());
    p.put("relative_path", artifact.relativePath());
    p.put("content_hash_sha256", artifact.contentHashSha256().orElseThrow());
    p.put("size_bytes", artifact.sizeBytes());
    p.put("wp_id", artifact.wpId().orElse(null));
    p.put("step_id", artifact.stepId().orElse(null));
    p.put("required_status", artifact.requiredStatus().wireName());
    p.set("namespace", namespace(ns));
    return p;
  }

  static ObjectNode missing(NamespaceRef ns, ArtifactRef artifact, ArtifactSpec spec) {
    ObjectNode p = NODES.objectNode();
    p.put("artifact_key", artifact.artifactKey());
    p.put("artifact_class", artifact.artifactClass().wireName());
    p.put("expected_path_pattern", spec.pathPattern());
    p.put("reason_code", artifact.errorReason().orElseThrow().wireName());
    p.put("blocking", spec.blocking());
    p.set("namespace", namespace(ns));
    return p;
  }

  static ObjectNode snapshot(NamespaceRef ns, MissionDossier dossier, String snapshotId) {
    ArtifactCounts c = dossier.counts();
    ObjectNode counts = NODES.objectNode();
    counts.put("total", c.total());
    counts.put("required", c.required());
    counts.put("required_present", c.requiredPresent());
    counts.put("required_missing", c.requiredMissing());
    counts.put("optional", c.optional());
    counts.put("optional_present", c.optionalPresent());
    ObjectNode p = NODES.objectNode();
    p.put("parity_hash_sha256", ParityHash.of(dossier.artifacts()));
    p.set("artifact_counts", counts);
    p.put("completeness_status", dossier.completeness().wireName());
    p.put("snapshot_id", snapshotId);
    p.set("namespace", namespace(ns));
    return p;
  }

  static ObjectNode namespace(NamespaceRef ns) {
    ObjectNode n = NODES.objectNode();
    n.put("project_uuid", ns.projectUuid());
    n.put("feature_slug", ns.featureSlug());
    n.put("target_branch", ns.targetBranch());
    n.put("mission_key", ns.missionKey());
    n.put("manifest_version", ns.manifestVersion());
    return n;
  }
}
