package io.dossiersync.receiver;

import io.dossiersync.receiver.PushContentValidator.ValidPush;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves an authorized push-content request: content type, field rules, namespace registry, index
 * entry, then stored (201) or already_exists (200) per body key. Thread-safe; the store decision is
 * one atomic {@code putIfAbsent}.
 */
final class PushContentProcessor {

  private final ProjectRegistry projects;
  private final ArtifactIndex index;
  private final ReceiverLedger ledger;
  private final Map<BodyKey, String> store = new ConcurrentHashMap<>();

  PushContentProcessor(ProjectRegistry projects, ArtifactIndex index, ReceiverLedger ledger) {
    this.projects = projects;
    this.index = index;
    this.ledger = ledger;
  }

  Answer process(Optional<String> contentType, PushFacts facts) {
    try {
      if (!contentType
          .map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/json"))
          .orElse(false)) {
        throw Rejection.validation("Content-Type must be application/json");
      }
      ValidPush push =
          PushContentValidator.validate(
              facts.tree().orElseThrow(() -> Rejection.validation("the body is not valid JSON")),
              facts.contentUtf8());
      BodyKey key = push.key();
      if (!projects.isKnown(key.namespace().projectUuid())) {
        throw Rejection.notFound("namespace_not_found");
      }
      if (!index.admits(key)) {
        throw Rejection.notFound("index_entry_not_found");
      }
      if (store.putIfAbsent(key, push.body()) == null) {
        ledger.recordStored(key, push.body());
        return Answer.json(201, "stored", Json.status("stored"));
      }
      return Answer.json(200, "already_exists", Json.status("already_exists"));
    } catch (Rejection rejection) {
      return rejection.toAnswer();
    }
  }
}
