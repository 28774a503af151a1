package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.BodyChunks;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.QueueStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature's events and bodies enqueued in one {@code BEGIN IMMEDIATE} transaction: the event
 * batch and each chunk of the body batch are planned and written exactly as their own enqueues do,
 * then committed once, so a sync pays one commit per feature and a failure keeps nothing of either.
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
   * @throws io.dossiersync.core.queue.QueueStoreException when the file cannot be written (nothing
   *     of either part is kept)
   */
  public static DossierEnqueueResult run(
      Database database,
      int maxQueueSize,
      List<EventRecord> events,
      List<BodyUploadTask> bodies,
      Instant now) {
    return run(database, maxQueueSize, events, BodyChunks.of(bodies), now);
  }

  /**
   * Enqueues the events, then the bodies chunk by chunk, in one transaction: each chunk is planned
   * and written as its own body enqueue would be (it sees the rows of the chunks before it), then
   * dropped, so only one chunk of body text is held at a time. The first chunk is pulled before the
   * transaction starts, so that a busy retry of {@code BEGIN} replays nothing; a retry after later
   * chunks were pulled is refused (they cannot be pulled again) and nothing is kept.
   *
   * @param database the database
   * @param maxQueueSize the capacity of each queue
   * @param events the events, in order
   * @param bodies the body tasks, pulled until an empty chunk
   * @param now the enqueue time
   * @return the statuses of each part; the body statuses of every chunk, in order
   * @throws io.dossiersync.core.queue.QueueStoreException when the file cannot be written (nothing
   *     of either part is kept)
   */
  public static DossierEnqueueResult run(
      Database database,
      int maxQueueSize,
      List<EventRecord> events,
      BodyChunks bodies,
      Instant now) {
    EnqueueResult none = EnqueueResult.none();
    List<BodyUploadTask> first = bodies.next();
    if (events.isEmpty() && first.isEmpty()) {
      return new DossierEnqueueResult(none, none);
    }
    long millis = Millis.of(now);
    boolean[] pulled = {false};
    DossierEnqueueResult result =
        database.write(
            "enqueueing a dossier",
            c -> {
              if (pulled[0]) {
                throw new QueueStoreException(
                    "the queue file "
                        + database.file()
                        + " was busy in the middle of a feature's enqueue; nothing of it was kept:"
                        + " sync the feature again");
              }
              EnqueueResult eventPart =
                  events.isEmpty() ? none : new EventEnqueue(c, maxQueueSize).run(events, millis);
              List<EnqueueStatus> statuses = new ArrayList<>();
              int superseded = 0;
              List<BodyUploadTask> chunk = first;
              while (!chunk.isEmpty()) {
                EnqueueResult part = new BodyEnqueue(c, maxQueueSize).run(chunk, millis);
                statuses.addAll(part.statuses());
                superseded += part.superseded();
                chunk = bodies.next();
                pulled[0] |= !chunk.isEmpty();
              }
              EnqueueResult bodyPart =
                  statuses.isEmpty() ? none : new EnqueueResult(statuses, superseded);
              return new DossierEnqueueResult(eventPart, bodyPart);
            });
    QueueFullWarning.logIfFull(database, maxQueueSize, result.events(), "event");
    QueueFullWarning.logIfFull(database, maxQueueSize, result.bodies(), "body");
    return result;
  }
}
