package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.NamespaceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a push-content body says, read leniently for the ledger (a faulted or invalid request is
 * still recorded with whatever fields were readable), plus the parsed tree when it was JSON.
 */
record PushFacts(
    Optional<JsonNode> tree,
    Optional<NamespaceRef> namespace,
    Optional<String> artifactPath,
    Optional<String> contentHash,
    OptionalLong contentBytes) {

  static final PushFacts NONE =
      new PushFacts(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          OptionalLong.empty());

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
          OptionalLong.empty());
    }
    OptionalLong bytes =
        Json.textField(tree, "content_body")
            .map(b -> OptionalLong.of(b.getBytes(StandardCharsets.UTF_8).length))
            .orElse(OptionalLong.empty());
    return new PushFacts(
        Optional.of(tree),
        namespace(tree),
        Json.textField(tree, "artifact_path"),
        Json.textField(tree, "content_hash"),
        bytes);
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
