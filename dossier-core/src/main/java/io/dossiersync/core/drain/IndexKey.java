package io.dossiersync.core.drain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EventRecord;
import java.util.Optional;

/**
 * The body an {@code …ArtifactIndexed} event announces: namespace, path and hash (its payload's
 * {@code relative_path} and {@code content_hash_sha256}). A body whose index event failed is failed
 * as {@link DrainReasons#INDEX_EVENT_FAILED} instead of being sent (PRODUCT.md §4.2).
 *
 * @param namespace the namespace
 * @param path the feature-relative path
 * @param hash the content hash
 */
record IndexKey(NamespaceRef namespace, String path, String hash) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The key of an index event; empty for another event, or one without path and hash. */
  static Optional<IndexKey> of(EventRecord event) {
    if (!event.eventType().endsWith("ArtifactIndexed")) {
      return Optional.empty();
    }
    try {
      JsonNode payload = JSON.readTree(event.json()).path("payload");
      JsonNode path = payload.path("relative_path");
      JsonNode hash = payload.path("content_hash_sha256");
      return path.isTextual() && hash.isTextual()
          ? Optional.of(new IndexKey(event.namespace(), path.asText(), hash.asText()))
          : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The key a body would match. */
  static IndexKey of(BodyUploadTask body) {
    return new IndexKey(body.namespace(), body.artifactPath(), body.contentHash());
  }
}
