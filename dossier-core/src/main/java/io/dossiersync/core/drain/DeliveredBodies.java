package io.dossiersync.core.drain;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivered bodies waiting to be deleted from the queue, completed a batch at a time so that a
 * drain pays one commit per batch instead of one per body. A full batch is written on the {@code
 * writer} executor, so that the sender that filled it goes on sending instead of waiting for the
 * store; at most {@value #QUEUED_WRITES} batches wait for the writer (a sender that would add one
 * more writes it itself), and a buffered delivery keeps no body text, so what waits here is small.
 * A body is reported delivered (through {@code onCompleted}) only once its task is gone from the
 * queue. A crash before the batch is written loses no body: the tasks stay queued under their
 * lease and are sent again after it expires, which the receiver answers {@code already_exists}; a
 * store error hands each body of the batch to {@code onStoreError} (the drain keeps it with
 * backoff). {@link #flush()} and {@link #close()} return once every batch handed to the writer is
 * written; after {@link #close()} every add is written at once, so sends that end after the
 * round still leave nothing behind. Thread-safe.
 */
final class DeliveredBodies implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);

  /** A delivered body and what to report for it. */
  record Delivered(ClaimedBody body, TaskStatus status, String reason) {}

  /** Batches that may wait for the writer at once. */
  static final int QUEUED_WRITES = 2;

  private final BodyQueue queue;
  private final int batchSize;
  private final Executor writer;
  private final Semaphore writes = new Semaphore(QUEUED_WRITES);
  private final BiConsumer<Delivered, Boolean> onCompleted;
  private final BiConsumer<Delivered, RuntimeException> onStoreError;
  private List<Delivered> pending = new ArrayList<>();
  private boolean closed;

  /**
   * @param queue the body queue
   * @param batchSize how many deliveries are completed together
   * @param writer where full batches are written (a rejected batch is written by the caller)
   * @param onCompleted called once per delivered body with true when its task was deleted, false
   *     when its lease had been lost
   * @param onStoreError called once per body of a batch the store could not delete
   */
  DeliveredBodies(BodyQueue queue, int batchSize, Executor writer,
      BiConsumer<Delivered, Boolean> onCompleted,
      BiConsumer<Delivered, RuntimeException> onStoreError) {
    this.queue = queue;
    this.batchSize = batchSize;
    this.writer = writer;
    this.onCompleted = onCompleted;
    this.onStoreError = onStoreError;
  }

  /**
   * Adds a delivered body; a full batch goes to the writer (or is written at once after close).
   */
  void add(ClaimedBody body, TaskStatus status, String reason) {
    List<Delivered> batch = null;
    boolean afterClose;
    synchronized (this) {
      pending.add(new Delivered(withoutText(body), status, reason));
      afterClose = closed;
      if (closed || pending.size() >= batchSize) {
        batch = pending;
        pending = new ArrayList<>();
      }
    }
    if (batch == null) {
      return;
    }
    if (afterClose || !writes.tryAcquire()) {
      write(batch);
      return;
    }
    List<Delivered> handed = batch;
    try {
      writer.execute(() -> {
        try {
          write(handed);
        } finally {
          writes.release();
        }
      });
    } catch (RejectedExecutionException e) {
      writes.release();
      write(handed);
    }
  }

  /**
   * The body as the buffer keeps it: its text is not needed any more (completing and reporting use
   * the id, lease, namespace, path and hash), so a buffered delivery holds no body text.
   */
  private static ClaimedBody withoutText(ClaimedBody body) {
    BodyUploadTask task = body.task();
    return new ClaimedBody(new BodyUploadTask(task.uploadId(), task.namespace(),
        task.artifactPath(), task.contentHash(), "", task.sizeBytes()), body.retryCount(),
        body.createdAt(), body.lease());
  }

  /** Waits for the batches handed to the writer, then writes what is buffered. */
  void flush() {
    writes.acquireUninterruptibly(QUEUED_WRITES);
    writes.release(QUEUED_WRITES);
    List<Delivered> batch;
    synchronized (this) {
      batch = pending;
      pending = new ArrayList<>();
    }
    if (!batch.isEmpty()) {
      write(batch);
    }
  }

  private void write(List<Delivered> batch) {
    List<ClaimedBody> bodies = new ArrayList<>(batch.size());
    batch.forEach(d -> bodies.add(d.body()));
    List<ClaimedBody> completed;
    try {
      completed = queue.completeAll(bodies);
    } catch (RuntimeException e) {
      LOG.warn("could not delete {} delivered bodies from the queue: {}", batch.size(),
          e.toString(), e);
      batch.forEach(d -> onStoreError.accept(d, e));
      return;
    }
    Set<String> done = new HashSet<>();
    completed.forEach(c -> done.add(c.task().uploadId()));
    for (Delivered delivered : batch) {
      onCompleted.accept(delivered, done.contains(delivered.body().task().uploadId()));
    }
  }

  /** Writes what is buffered; later adds are written at once. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    flush();
  }
}
