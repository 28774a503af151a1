package io.dossiersync.core.queue;

import java.util.Objects;

/**
 * The result of {@link QueueStore#enqueueDossier}: what the event queue and what the body queue did
 * with one feature's dossier, each exactly as its own {@code enqueue} would have answered.
 *
 * @param events one status per event given, same order, and how many pending events were coalesced
 *     away
 * @param bodies one status per body task given, same order, and how many older tasks were
 *     superseded
 * @since 0.1.0
 */
public record DossierEnqueueResult(EnqueueResult events, EnqueueResult bodies) {

  /** Checks that both parts are present. */
  public DossierEnqueueResult {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(bodies, "bodies");
  }
}
