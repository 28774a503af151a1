package io.dossiersync.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.transport.PushContentRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the push-content request body: one JSON object with exactly the nine fields of PRODUCT.md
 * §4.1, in this order: {@code project_uuid}, {@code feature_slug}, {@code target_branch}, {@code
 * mission_key}, {@code manifest_version}, {@code artifact_path}, {@code content_hash}, {@code
 * hash_algorithm}, {@code content_body}. Uses Jackson's streaming generator (no tree, no
 * reflection). Thread-safe.
 */
public final class PushContentJson {

  private static final JsonFactory JSON = new JsonFactory();

  private PushContentJson() {}

  /**
   * Encodes a request as UTF-8 JSON.
   *
   * @param request the request
   * @return the body bytes
   */
  public static byte[] encode(PushContentRequest request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(request.contentBody().length() + 512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      NamespaceRef ns = request.namespace();
      json.writeStartObject();
      json.writeStringField("project_uuid", ns.projectUuid());
      json.writeStringField("feature_slug", ns.featureSlug());
      json.writeStringField("target_branch", ns.targetBranch());
      json.writeStringField("mission_key", ns.missionKey());
      json.writeStringField("manifest_version", ns.manifestVersion());
      json.writeStringField("artifact_path", request.artifactPath());
      json.writeStringField("content_hash", request.contentHash());
      json.writeStringField("hash_algorithm", request.hashAlgorithm());
      json.writeStringField("content_body", request.contentBody());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a push-content body in memory", e);
    }
    return out.toByteArray();
  }
}
