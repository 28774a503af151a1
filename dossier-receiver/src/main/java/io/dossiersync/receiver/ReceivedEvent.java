package io.dossiersync.receiver;

import io.dossiersync.core.transport.EventResultStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a batch the reference receiver processed, with its verdict. Text fields the event
 * lacked are empty strings. Immutable.
 *
 * @param receivedAt when its batch arrived, by the receiver's clock
 * @param eventId the {@code event_id}
 * @param eventType the {@code event_type}, e.g. {@code MissionDossierArtifactIndexed}
 * @param aggregateId the {@code aggregate_id}
 * @param projectUuid the {@code project_uuid}
 * @param status the verdict answered
 * @param error the error answered with a rejected verdict
 * @param json the event as received, a JSON object
 * @since 0.1.0
 */
public record ReceivedEvent(
    Instant receivedAt,
    String eventId,
    String eventType,
    String aggregateId,
    String projectUuid,
    EventResultStatus status,
    Optional<String> error,
    String json) {

  /** Checks that no field is null. */
  public ReceivedEvent {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(projectUuid, "projectUuid");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(json, "json");
  }

  @Override
  public String toString() {
    return "ReceivedEvent["
        + eventId
        + " "
        + eventType
        + " "
        + status
        + error.map(e -> " " + e).orElse("")
        + "]";
  }
}
