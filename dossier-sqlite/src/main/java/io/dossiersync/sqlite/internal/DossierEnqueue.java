package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventRecord;
import java.time.Instant;
import java.util.List;

/**
 * A feature's events and bodies enqueued in one {@code BEGIN IMMEDIATE} transaction: the event
 * batch and the body batch are planned and written exactly as their own enqueues do, then
 * committed once, so a sync pays one commit per feature and a failure keeps nothing of either.
 * Stateless.
 */
public final class DossierEnqueue {

  private DossierEnqueue() {}

  /**
   * Enqueues both parts in one transaction; an empty part writes nothing.
   *
   * @param database the database
   * @param maxQueueSize the capacity of each queue
   * @param events the events, in order
   * @param bodies the body tasks, in order
   * @param now the enqueue time
   * @return the statuses of each part, as its own enqueue would have answered
   * @throws io.dossiersync.core.queue.QueueStoreException when the file cannot be written
   *     (nothing of either part is kept)
   */
  public static DossierEnqueueResult run(Database database, int maxQueueSize,
      List<EventRecord> events, List<BodyUploadTask> bodies, Instant now) {
    EnqueueResult none = EnqueueResult.none();
    if (events.isEmpty() && bodies.isEmpty()) {
      return new DossierEnqueueResult(none, none);
    }
    long millis = Millis.of(now);
    DossierEnqueueResult result = database.write("enqueueing a dossier", dsl ->
        dsl.connectionResult(c -> new DossierEnqueueResult(
            events.isEmpty() ? none : new EventEnqueue(c, maxQueueSize).run(events, millis),
            bodies.isEmpty() ? none : new BodyEnqueue(c, maxQueueSize).run(bodies, millis))));
    QueueFullWarning.logIfFull(database, maxQueueSize, result.events(), "event");
    QueueFullWarning.logIfFull(database, maxQueueSize, result.bodies(), "body");
    return result;
  }
}
