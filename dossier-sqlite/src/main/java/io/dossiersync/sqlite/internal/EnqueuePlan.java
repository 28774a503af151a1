package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The plan of one enqueue batch, the same for both queues ({@link BodyEnqueue}, {@link
 * EventEnqueue}): the batch is walked in order as if each task were enqueued alone, and the plan
 * keeps each task's status, the rows of the file its tasks supersede, the positions of the batch
 * still to be inserted, and the pending count, so that a task is {@code QUEUE_FULL} only when the
 * queue is full and it replaces nothing. Not thread-safe: one instance per batch.
 */
final class EnqueuePlan {

  /** A pending version a task replaces: a row of the file, or an earlier task of the batch. */
  interface Version {
    /** The row id in the file, for a row of the file. */
    long rowId();

    /** The position in the batch, or -1 for a row of the file. */
    int batchIndex();
  }

  private final int maxQueueSize;
  private final List<EnqueueStatus> statuses;
  private final List<Long> superseded = new ArrayList<>();
  private final Set<Integer> toInsert = new LinkedHashSet<>();
  private long pending;
  private int supersededCount;

  /**
   * Starts the plan of a batch.
   *
   * @param pending how many tasks the queue holds before the batch
   * @param maxQueueSize the queue's capacity
   * @param batchSize how many tasks the batch has
   */
  EnqueuePlan(long pending, int maxQueueSize, int batchSize) {
    this.pending = pending;
    this.maxQueueSize = maxQueueSize;
    this.statuses = new ArrayList<>(batchSize);
  }

  /** The next task of the batch is already pending: {@code ALREADY_IN_QUEUE}. */
  void alreadyInQueue() {
    statuses.add(EnqueueStatus.ALREADY_IN_QUEUE);
  }

  /**
   * Plans the next task of the batch, which replaces the pending versions {@code older}: {@code
   * QUEUE_FULL} when the queue is full and it replaces nothing, otherwise {@code ENQUEUED}, the
   * older versions left out (an earlier task of the batch) or deleted (a row of the file).
   *
   * @param index the task's position in the batch
   * @param older the pending versions it replaces
   * @return whether the task is enqueued (the caller then records it as the pending version)
   */
  boolean enqueue(int index, List<? extends Version> older) {
    if (pending >= maxQueueSize && older.isEmpty()) {
      statuses.add(EnqueueStatus.QUEUE_FULL);
      return false;
    }
    for (Version version : older) {
      if (version.batchIndex() >= 0) {
        toInsert.remove(version.batchIndex());
      } else {
        superseded.add(version.rowId());
      }
    }
    supersededCount += older.size();
    pending += 1 - older.size();
    toInsert.add(index);
    statuses.add(EnqueueStatus.ENQUEUED);
    return true;
  }

  /** The ids of the rows of the file that the batch supersedes. */
  List<Long> supersededRows() {
    return superseded;
  }

  /** The tasks of the batch to insert, in batch order. */
  <T> List<T> inserts(List<T> batch) {
    List<T> inserts = new ArrayList<>(toInsert.size());
    toInsert.forEach(i -> inserts.add(batch.get(i)));
    return inserts;
  }

  /** Each task's status, in batch order, and how many pending versions were superseded. */
  EnqueueResult result() {
    return new EnqueueResult(statuses, supersededCount);
  }
}
