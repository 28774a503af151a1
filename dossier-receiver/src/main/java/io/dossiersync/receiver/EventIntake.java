package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Judges one event of a batch (PRODUCT.md §4.2): rejected when a required envelope field is missing
 * or malformed or its project is unknown ({@code namespace_not_found}); duplicate when its {@code
 * event_id} succeeded before; else success. A successful {@code MissionDossierArtifactIndexed}
 * event materializes its index entry. Thread-safe.
 */
final class EventIntake {

  static final String ARTIFACT_INDEXED = "MissionDossierArtifactIndexed";
  static final List<String> ENVELOPE =
      List.of(
          "event_id",
          "event_type",
          "aggregate_id",
          "aggregate_type",
          "timestamp",
          "project_uuid",
          "payload");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Set<String> succeeded = ConcurrentHashMap.newKeySet();
  private final ProjectRegistry projects;
  private final ArtifactIndex index;
  private final ReceiverLedger ledger;

  EventIntake(ProjectRegistry projects, ArtifactIndex index, ReceiverLedger ledger) {
    this.projects = projects;
    this.index = index;
    this.ledger = ledger;
  }

  EventResult take(JsonNode event, Instant receivedAt) {
    String eventId = event.isObject() ? Json.textField(event, "event_id").orElse("") : "";
    EventResult result;
    try {
      result = judge(eventId, event);
    } catch (Refused refused) {
      result =
          new EventResult(eventId, EventResultStatus.REJECTED, Optional.of(refused.getMessage()));
    }
    ledger.recordEvent(
        new ReceivedEvent(
            receivedAt,
            eventId,
            field(event, "event_type"),
            field(event, "aggregate_id"),
            field(event, "project_uuid"),
            result.status(),
            result.error(),
            event.toString()));
    return result;
  }

  private EventResult judge(String eventId, JsonNode event) {
    if (!event.isObject()) {
      throw invalid("an event must be a JSON object");
    }
    List<String> missing = new ArrayList<>();
    for (String field : ENVELOPE) {
      JsonNode value = event.get(field);
      boolean ok =
          field.equals("payload")
              ? value != null && value.isObject()
              : value != null && value.isTextual() && !value.textValue().isBlank();
      if (!ok) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw invalid("missing or invalid field(s): " + String.join(", ", missing));
    }
    checkTimestamp(event.get("timestamp").textValue());
    String project = event.get("project_uuid").textValue();
    if (!UUID_TEXT.matcher(project).matches()) {
      throw invalid("project_uuid must be a UUID");
    }
    if (!projects.isKnown(project)) {
      throw new Refused("namespace_not_found");
    }
    Optional<BodyKey> indexed =
        ARTIFACT_INDEXED.equals(event.get("event_type").textValue())
            ? Optional.of(indexedKey(event.get("payload"), project))
            : Optional.empty();
    if (!succeeded.add(eventId)) {
      return new EventResult(eventId, EventResultStatus.DUPLICATE, Optional.empty());
    }
    indexed.ifPresent(index::materialize);
    return new EventResult(eventId, EventResultStatus.SUCCESS, Optional.empty());
  }

  private static BodyKey indexedKey(JsonNode payload, String project) {
    JsonNode ns = payload.get("namespace");
    if (ns == null || !ns.isObject()) {
      throw invalid("payload.namespace must be an object with the five namespace fields");
    }
    NamespaceRef namespace;
    try {
      namespace =
          new NamespaceRef(
              Json.textField(ns, "project_uuid").orElse(""),
              Json.textField(ns, "feature_slug").orElse(""),
              Json.textField(ns, "target_branch").orElse(""),
              Json.textField(ns, "mission_key").orElse(""),
              Json.textField(ns, "manifest_version").orElse(""));
    } catch (IllegalArgumentException e) {
      throw invalid("payload." + e.getMessage());
    }
    if (!namespace.projectUuid().equalsIgnoreCase(project)) {
      throw invalid("payload.namespace.project_uuid differs from the event's project_uuid");
    }
    String path =
        Json.textField(payload, "relative_path")
            .orElseThrow(() -> invalid("payload.relative_path must be a string"));
    String hash =
        Json.textField(payload, "content_hash_sha256")
            .orElseThrow(() -> invalid("payload.content_hash_sha256 must be a string"));
    return new BodyKey(namespace, path, hash);
  }

  private static void checkTimestamp(String timestamp) {
    try {
      OffsetDateTime.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw invalid("timestamp must be ISO-8601 with an offset, got '" + timestamp + "'");
    }
  }

  private static String field(JsonNode event, String name) {
    return event.isObject() ? Json.textField(event, name).orElse("") : "";
  }

  private static Refused invalid(String detail) {
    return new Refused("validation_error: " + detail);
  }

  /** An event's rejection; the message is the {@code error} answered. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String error) {
      super(error, null, false, false);
    }
  }
}
