package io.dossiersync.core.queue;

import io.dossiersync.core.NamespaceRef;
import java.util.Objects;
import java.util.Optional;

/**
 * One dossier event as the event queue holds it: its identity, its namespace, an optional
 * coalescing key and the complete event envelope as JSON (PRODUCT.md §2, §3).
 *
 * <p>The {@code coalesceKey}, when present, makes the event replace every pending event with the
 * same key on enqueue (PRODUCT.md §3 "Events coalesce the same way"); the domain derives it, e.g.
 * {@code indexed|<namespace>|<relative_path>} for an {@code ArtifactIndexed} event and {@code
 * snapshot|<namespace>} for a {@code SnapshotComputed} one. Immutable.
 *
 * @param eventId the event's ULID, unique in the queue
 * @param eventType e.g. {@code MissionDossierArtifactIndexed}
 * @param aggregateId e.g. {@code <feature_slug>:<relative_path>}
 * @param namespace the namespace the event belongs to
 * @param coalesceKey the key under which a newer event replaces this one, if any
 * @param json the whole event envelope, a JSON object, sent as it is
 * @since 0.1.0
 */
public record EventRecord(
    String eventId,
    String eventType,
    String aggregateId,
    NamespaceRef namespace,
    Optional<String> coalesceKey,
    String json) {

  /** Checks that no field is null. */
  public EventRecord {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(coalesceKey, "coalesceKey");
    Objects.requireNonNull(json, "json");
  }

  /** A description without the payload, safe to log. */
  @Override
  public String toString() {
    return "EventRecord[" + eventId + " " + eventType + " " + aggregateId + "]";
  }
}
