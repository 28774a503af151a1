package io.dossiersync.testkit.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossiersync.core.queue.EventRecord;
import java.util.Optional;

/**
 * Reads the artifact path and hash of an event's payload for its failure record ({@code
 * payload.relative_path}, {@code payload.content_hash_sha256}). Total: malformed JSON or a missing
 * field gives empty.
 */
final class InMemoryEventFacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InMemoryEventFacts() {}

  static Optional<String> artifactPath(EventRecord event) {
    return payloadText(event, "relative_path");
  }

  static Optional<String> contentHash(EventRecord event) {
    return payloadText(event, "content_hash_sha256");
  }

  private static Optional<String> payloadText(EventRecord event, String field) {
    try {
      JsonNode value = JSON.readTree(event.json()).path("payload").path(field);
      return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
