package io.dossiersync.http;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.TokenProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Sample requests, events, tokens and a pinned clock shared by the tests. */
final class Samples {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String PUSH_PATH = "/api/dossier/push-content/";
  static final String BATCH_PATH = "/api/v1/events/batch/";
  static final AccessToken TOKEN = new AccessToken("tok-contract-5f1c2e9a7b");

  static final NamespaceRef NAMESPACE =
      new NamespaceRef(
          "8A4A7DA6-A97C-4BB4-893A-B31664ABFEE4",
          "047-http-transport",
          "main",
          "software-dev",
          "1");

  /** A body with quotes, backslashes, newlines, a tab and non-ASCII text to test escaping. */
  static final String BODY = "# Spec \"quoted\"\n\tback\\slash — ünïcödé ✓\n";

  private Samples() {}

  static PushContentRequest push(String artifactPath) {
    return new PushContentRequest(
        NAMESPACE,
        artifactPath,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        BODY);
  }

  static EventRecord event(String id) {
    String json =
        "{\"event_id\":\""
            + id
            + "\",\"event_type\":\"MissionDossierArtifactIndexed\","
            + "\"aggregate_id\":\"047-http-transport:spec.md\",\"payload\":{\"size_bytes\":42}}";
    return new EventRecord(
        id,
        "MissionDossierArtifactIndexed",
        "047-http-transport:spec.md",
        NAMESPACE,
        Optional.empty(),
        json);
  }

  /** A token provider whose current token comes from {@code current}; it cannot refresh. */
  static TokenProvider tokens(Supplier<Optional<AccessToken>> current) {
    return new TokenProvider() {
      @Override
      public Optional<AccessToken> currentToken() {
        return current.get();
      }

      @Override
      public Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
        return Optional.empty();
      }
    };
  }

  static List<EventRecord> events(String... ids) {
    return java.util.Arrays.stream(ids).map(Samples::event).toList();
  }
}
