package io.dossiersync.receiver;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dossiersync.core.NamespaceRef;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The receiver's JSON settings (strict: duplicate keys and trailing tokens are errors). */
final class Json {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] error(String error) {
    return bytes(MAPPER.createObjectNode().put("error", error));
  }

  static byte[] error(String error, String detail) {
    return bytes(MAPPER.createObjectNode().put("error", error).put("detail", detail));
  }

  static byte[] status(String status) {
    return bytes(MAPPER.createObjectNode().put("status", status));
  }

  static ObjectNode namespace(NamespaceRef ns) {
    return MAPPER
        .createObjectNode()
        .put("project_uuid", ns.projectUuid())
        .put("feature_slug", ns.featureSlug())
        .put("target_branch", ns.targetBranch())
        .put("mission_key", ns.missionKey())
        .put("manifest_version", ns.manifestVersion());
  }

  static String text(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** A field's text when it is a JSON string, else empty. */
  static Optional<String> textField(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }
}
