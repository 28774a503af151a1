package io.dossiersync.core.queue;

import java.util.Objects;

/**
 * Queue statistics (PRODUCT.md §3, {@code dossier status}).
 *
 * @param events event queue counts
 * @param bodies body queue counts and shape
 * @param failures how many failure records there are
 * @since 0.1.0
 */
public record QueueStats(EventQueueStats events, BodyQueueStats bodies, long failures) {

  /** Checks that no field is null. */
  public QueueStats {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(bodies, "bodies");
  }
}
