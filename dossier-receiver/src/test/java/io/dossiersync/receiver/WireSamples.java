package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dossiersync.core.NamespaceRef;
import java.nio.charset.StandardCharsets;

/** Valid push bodies and events for the receiver's tests. */
final class WireSamples {

  static final String PROJECT = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";
  static final String OTHER_PROJECT = "0b8c6c1e-2f8a-4d55-9d2f-7a0e3b1c9d42";
  static final NamespaceRef NAMESPACE =
      new NamespaceRef(PROJECT, "047-some-name", "main", "software-dev", "1");

  private WireSamples() {}

  static String hash(String body) {
    return PushContentValidator.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
  }

  static ObjectNode push(NamespaceRef ns, String path, String body) {
    return ReceiverClient.JSON
        .createObjectNode()
        .put("project_uuid", ns.projectUuid())
        .put("feature_slug", ns.featureSlug())
        .put("target_branch", ns.targetBranch())
        .put("mission_key", ns.missionKey())
        .put("manifest_version", ns.manifestVersion())
        .put("artifact_path", path)
        .put("content_hash", hash(body))
        .put("hash_algorithm", "sha256")
        .put("content_body", body);
  }

  static ObjectNode push(String path, String body) {
    return push(NAMESPACE, path, body);
  }

  static BodyKey key(String path, String body) {
    return new BodyKey(NAMESPACE, path, hash(body));
  }

  static ObjectNode event(String eventId, String eventType, String project) {
    ObjectNode event =
        ReceiverClient.JSON
            .createObjectNode()
            .put("event_id", eventId)
            .put("event_type", eventType)
            .put("aggregate_id", "047-some-name:" + eventId)
            .put("aggregate_type", "MissionDossier")
            .put("timestamp", "2026-11-25T10:00:00Z")
            .put("project_uuid", project);
    event.putObject("payload").put("feature_slug", "047-some-name");
    return event;
  }

  static ObjectNode indexed(String eventId, NamespaceRef ns, String path, String body) {
    ObjectNode event = event(eventId, "MissionDossierArtifactIndexed", ns.projectUuid());
    ObjectNode payload = (ObjectNode) event.get("payload");
    payload.put("relative_path", path).put("content_hash_sha256", hash(body));
    payload
        .putObject("namespace")
        .put("project_uuid", ns.projectUuid())
        .put("feature_slug", ns.featureSlug())
        .put("target_branch", ns.targetBranch())
        .put("mission_key", ns.missionKey())
        .put("manifest_version", ns.manifestVersion());
    return event;
  }

  static ObjectNode indexed(String eventId, String path, String body) {
    return indexed(eventId, NAMESPACE, path, body);
  }
}
