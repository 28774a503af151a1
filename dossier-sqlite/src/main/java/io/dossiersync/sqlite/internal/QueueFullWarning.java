package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WARN line an enqueue logs when a full queue left tasks out ({@code queue_full}), the same
 * for both queues. Stateless.
 */
final class QueueFullWarning {

  private static final Logger LOG = LoggerFactory.getLogger(QueueFullWarning.class);

  private QueueFullWarning() {}

  /**
   * Logs once when an enqueue of a SQLite file left tasks out because the queue was full.
   *
   * @param database the queue file
   * @param maxQueueSize the queue's capacity
   * @param result what the enqueue did
   * @param queue the queue's name, {@code "body"} or {@code "event"}
   */
  static void logIfFull(Database database, int maxQueueSize, EnqueueResult result, String queue) {
    logIfFull(database.file().toString(), maxQueueSize, result, queue);
  }

  /**
   * Logs once when an enqueue left tasks out because the queue was full.
   *
   * @param location the queue database
   * @param maxQueueSize the queue's capacity
   * @param result what the enqueue did
   * @param queue the queue's name, {@code "body"} or {@code "event"}
   */
  static void logIfFull(String location, int maxQueueSize, EnqueueResult result, String queue) {
    long full = result.count(EnqueueStatus.QUEUE_FULL);
    if (full > 0) {
      LOG.warn(
          "{} queue of {} is full ({} tasks): {} of {} tasks not enqueued (queue_full)",
          queue,
          location,
          maxQueueSize,
          full,
          result.statuses().size());
    }
  }
}
