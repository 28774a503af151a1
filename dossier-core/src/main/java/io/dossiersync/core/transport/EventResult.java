package io.dossiersync.core.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * The receiver's verdict on one event.
 *
 * @param eventId the event's id
 * @param status success, duplicate or rejected
 * @param error the receiver's error text for a rejected event, if any
 * @since 0.1.0
 */
public record EventResult(String eventId, EventResultStatus status, Optional<String> error) {

  /** Checks that no field is null. */
  public EventResult {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
  }
}
