package io.dossiersync.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.index.ArtifactSpec;
import io.dossiersync.core.index.ExpectedArtifactManifest;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.queue.EventRecord;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the dossier events of one sync (PRODUCT.md §2) as {@link EventRecord}s for the event
 * queue: one {@code MissionDossierArtifactIndexed} per present artifact, one {@code
 * MissionDossierArtifactMissing} per absent required artifact (index order), then one {@code
 * MissionDossierSnapshotComputed}.
 *
 * <p>Each record's JSON is the envelope {@code event_id} (ULID), {@code event_type}, {@code
 * aggregate_id}, {@code aggregate_type} ({@code MissionDossier}), {@code timestamp} (UTC ISO-8601,
 * one instant per build), {@code project_uuid}, {@code payload}. Coalesce keys: {@code
 * indexed|<ns>|<relative_path>}, {@code missing|<ns>|<artifact_key>}, {@code snapshot|<ns>}, where
 * {@code <ns>} is the five namespace fields joined by {@code |}. Thread-safe when the id source is.
 *
 * @since 0.1.0
 */
public final class DossierEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final Supplier<String> eventIds;

  /**
   * Creates an event builder.
   *
   * @param clock the clock for {@code timestamp}
   * @param eventIds a source of unique ULIDs for {@code event_id} and {@code snapshot_id}
   */
  public DossierEvents(Clock clock, Supplier<String> eventIds) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
  }

  /**
   * Builds the events of a dossier.
   *
   * @param dossier the indexed dossier
   * @param namespace its namespace
   * @param manifest the manifest the dossier was classified with, for the {@code blocking} flag and
   *     the {@code expected_path_pattern} of missing artifacts
   * @return the events in emission order
   */
  public List<EventRecord> build(
      MissionDossier dossier, NamespaceRef namespace, Optional<ExpectedArtifactManifest> manifest) {
    String timestamp = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    String slug = namespace.featureSlug();
    List<EventRecord> events = new ArrayList<>(dossier.artifacts().size() + 1);
    for (ArtifactRef artifact : dossier.artifacts()) {
      if (artifact.isPresent()) {
        events.add(
            record(
                DossierEventType.ARTIFACT_INDEXED,
                slug + ":" + artifact.relativePath(),
                namespace,
                "indexed|" + namespaceKey(namespace) + "|" + artifact.relativePath(),
                EventPayloads.indexed(namespace, artifact),
                timestamp));
      }
    }
    for (ArtifactRef artifact : dossier.artifacts()) {
      if (!artifact.isPresent() && artifact.isRequired()) {
        events.add(
            record(
                DossierEventType.ARTIFACT_MISSING,
                slug + ":" + artifact.artifactKey(),
                namespace,
                "missing|" + namespaceKey(namespace) + "|" + artifact.artifactKey(),
                EventPayloads.missing(namespace, artifact, specOf(artifact, manifest)),
                timestamp));
      }
    }
    String snapshotId = eventIds.get();
    events.add(
        record(
            DossierEventType.SNAPSHOT_COMPUTED,
            slug + ":" + snapshotId,
            namespace,
            "snapshot|" + namespaceKey(namespace),
            EventPayloads.snapshot(namespace, dossier, snapshotId),
            timestamp));
    return events;
  }

  /**
   * The five namespace fields joined by {@code |}, the namespace part of every coalesce key.
   *
   * @param ns the namespace
   * @return e.g. {@code <uuid>|047-x|main|software-dev|1}
   */
  public static String namespaceKey(NamespaceRef ns) {
    return String.join(
        "|",
        ns.projectUuid(),
        ns.featureSlug(),
        ns.targetBranch(),
        ns.missionKey(),
        ns.manifestVersion());
  }

  /** The spec of an absent artifact: by key for {@code not_found}, else by its path. */
  private static ArtifactSpec specOf(
      ArtifactRef artifact, Optional<ExpectedArtifactManifest> manifest) {
    return manifest
        .flatMap(
            m ->
                m.requiredSpec(artifact.artifactKey())
                    .or(() -> m.classify(artifact.relativePath())))
        .orElseGet(
            () ->
                new ArtifactSpec(
                    artifact.artifactKey(),
                    artifact.artifactClass(),
                    artifact.relativePath(),
                    false));
  }

  private EventRecord record(
      DossierEventType type,
      String aggregateId,
      NamespaceRef namespace,
      String coalesceKey,
      ObjectNode payload,
      String timestamp) {
    String eventId = eventIds.get();
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("event_id", eventId);
    envelope.put("event_type", type.wireName());
    envelope.put("aggregate_id", aggregateId);
    envelope.put("aggregate_type", DossierEventType.AGGREGATE_TYPE);
    envelope.put("timestamp", timestamp);
    envelope.put("project_uuid", namespace.projectUuid());
    envelope.set("payload", payload);
    return new EventRecord(
        eventId,
        type.wireName(),
        aggregateId,
        namespace,
        Optional.of(coalesceKey),
        write(envelope));
  }

  private static String write(ObjectNode envelope) {
    try {
      return JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a dossier event", e);
    }
  }
}
