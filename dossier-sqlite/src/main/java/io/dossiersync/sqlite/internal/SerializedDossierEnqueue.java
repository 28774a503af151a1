package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventRecord;
import java.time.Instant;
import java.util.List;

/**
 * A feature's events and bodies enqueued in one serialized transaction of any {@link Transactor},
 * planned and written exactly as each queue's own enqueue does: one commit per feature, and a
 * failure keeps nothing of either part. (The SQLite store uses {@link DossierEnqueue}, which runs
 * the same plan on its file.) Stateless.
 */
public final class SerializedDossierEnqueue {

  private SerializedDossierEnqueue() {}

  /**
   * Enqueues both parts in one transaction; an empty part writes nothing.
   *
   * @param database the database's transactions
   * @param maxQueueSize the capacity of each queue
   * @param events the events, in order
   * @param bodies the body tasks, in order
   * @param now the enqueue time
   * @return the statuses of each part, as its own enqueue would have answered
   */
  public static DossierEnqueueResult run(
      Transactor database,
      int maxQueueSize,
      List<EventRecord> events,
      List<BodyUploadTask> bodies,
      Instant now) {
    EnqueueResult none = EnqueueResult.none();
    if (events.isEmpty() && bodies.isEmpty()) {
      return new DossierEnqueueResult(none, none);
    }
    long millis = Millis.of(now);
    DossierEnqueueResult result =
        database.writeSerialized(
            "enqueueing a dossier",
            s ->
                new DossierEnqueueResult(
                    events.isEmpty()
                        ? none
                        : new EventEnqueue(s.connection(), maxQueueSize).run(events, millis),
                    bodies.isEmpty()
                        ? none
                        : new BodyEnqueue(s.connection(), maxQueueSize).run(bodies, millis)));
    QueueFullWarning.logIfFull(database.location(), maxQueueSize, result.events(), "event");
    QueueFullWarning.logIfFull(database.location(), maxQueueSize, result.bodies(), "body");
    return result;
  }
}
