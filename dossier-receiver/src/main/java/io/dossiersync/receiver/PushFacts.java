package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.NamespaceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a push-content body says, read leniently for the ledger (a faulted or invalid request is
 * still recorded with whatever fields were readable), plus the parsed tree when it was JSON and the
 * UTF-8 bytes of {@code content_body} when it was a string (encoded once: the ledger takes their
 * size, the validator hashes them).
 */
record PushFacts(
    Optional<JsonNode> tree,
    Optional<NamespaceRef> namespace,
    Optional<String> artifactPath,
    Optional<String> contentHash,
    Optional<byte[]> contentUtf8) {

  static final PushFacts NONE =
      new PushFacts(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  static PushFacts peek(byte[] body) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return NONE;
    }
    if (tree == null || !tree.isObject()) {
      return new PushFacts(
          Optional.ofNullable(tree),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    return new PushFacts(
        Optional.of(tree),
        namespace(tree),
        Json.textField(tree, "artifact_path"),
        Json.textField(tree, "content_hash"),
        Json.textField(tree, "content_body").map(b -> b.getBytes(StandardCharsets.UTF_8)));
  }

  /** The UTF-8 size of {@code content_body}, when it was a string. */
  OptionalLong contentBytes() {
    return contentUtf8.map(b -> OptionalLong.of(b.length)).orElse(OptionalLong.empty());
  }

  private static Optional<NamespaceRef> namespace(JsonNode tree) {
    try {
      return Optional.of(
          new NamespaceRef(
              Json.textField(tree, "project_uuid").orElse(""),
              Json.textField(tree, "feature_slug").orElse(""),
              Json.textField(tree, "target_branch").orElse(""),
              Json.textField(tree, "mission_key").orElse(""),
              Json.textField(tree, "manifest_version").orElse("")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
