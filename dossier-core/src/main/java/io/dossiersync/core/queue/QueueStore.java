package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.List;

/**
 * The durable store of dossier-sync: an event queue, a body queue and failure records, kept
 * together (PRODUCT.md §3). This is the port; {@code dossier-sqlite} is the durable adapter and the
 * testkit's {@code InMemoryQueueStore} the non-durable one. Any implementation proves itself by
 * extending the testkit's {@code QueueStoreContract}.
 *
 * <p>Times are passed in by the caller (who owns the {@link java.time.Clock}), so a store has no
 * clock of its own. Implementations are thread-safe; a durable one may be shared by several
 * processes, which the leases of {@link ClaimRequest} keep apart. Failures cross this port as
 * {@link QueueStoreException}, never as a driver exception.
 *
 * @since 0.1.0
 */
public interface QueueStore extends AutoCloseable {

  /**
   * The default capacity of each queue (PRODUCT.md §3 [NFR-002]): past it, enqueue reports {@code
   * queue_full}. Every store's builder defaults to it.
   */
  int DEFAULT_MAX_QUEUE_SIZE = 100_000;

  /**
   * The event queue.
   *
   * @return the event queue view of this store
   */
  EventQueue events();

  /**
   * The body queue.
   *
   * @return the body queue view of this store
   */
  BodyQueue bodies();

  /**
   * Enqueues one feature's dossier: its events, then its body tasks. Each part is judged exactly as
   * {@link EventQueue#enqueue} and {@link BodyQueue#enqueue} judge it (same statuses, same
   * supersede and coalesce counts, each queue's own capacity), and an empty part is not written.
   *
   * <p>A store that can writes both parts in one transaction, so that a sync pays one commit per
   * feature and a failure keeps nothing of the call: both stores of this repository do, and the
   * testkit's {@code QueueStoreContract} checks it. The default makes the two calls, each its own
   * transaction, events first: when the events fail the bodies are not tried, and when the bodies
   * fail the events stay queued.
   *
   * @param events the dossier events, in order
   * @param bodies the body upload tasks, in order
   * @param now the enqueue time, which is also the first {@code next_attempt_at} of every task
   * @return the result of each part
   * @throws QueueStoreException when the store cannot be written
   */
  default DossierEnqueueResult enqueueDossier(
      List<EventRecord> events, List<BodyUploadTask> bodies, Instant now) {
    EnqueueResult none = EnqueueResult.none();
    EnqueueResult eventResult = events.isEmpty() ? none : events().enqueue(events, now);
    EnqueueResult bodyResult = bodies.isEmpty() ? none : bodies().enqueue(bodies, now);
    return new DossierEnqueueResult(eventResult, bodyResult);
  }

  /**
   * Enqueues one feature's dossier with its bodies streamed: the same rules and the same one
   * transaction as {@link #enqueueDossier(List, List, Instant)}, but the body tasks are pulled from
   * {@code bodies} a chunk at a time inside the transaction, so that a store that can writes each
   * chunk before it asks for the next and a sync holds one chunk of body text at a time. The
   * statuses of the body part are those of every task of every chunk, in order.
   *
   * <p>The default pulls every chunk first, then calls {@link #enqueueDossier(List, List, Instant)}
   * (no streaming); the SQLite store streams.
   *
   * @param events the dossier events, in order
   * @param bodies the body upload tasks, pulled until an empty chunk
   * @param now the enqueue time, which is also the first {@code next_attempt_at} of every task
   * @return the result of each part
   * @throws QueueStoreException when the store cannot be written (nothing of either part is kept by
   *     a transactional store)
   */
  default DossierEnqueueResult enqueueDossier(
      List<EventRecord> events, BodyChunks bodies, Instant now) {
    return enqueueDossier(events, BodyChunks.drainAll(bodies), now);
  }

  /**
   * The failure records.
   *
   * @return the failure records view of this store
   */
  FailureRecords failures();

  /**
   * The health recorded in this store by the drains of every process (PRODUCT.md §3), and its
   * oldest pending task. The default records nothing ({@link HealthRecords#unrecorded()}); both
   * stores of this repository keep it.
   *
   * @return the health view of this store
   */
  default HealthRecords health() {
    return HealthRecords.unrecorded();
  }

  /**
   * Statistics, computed without loading task rows.
   *
   * @param now the instant that separates ready from in-backoff tasks
   * @return the statistics at {@code now}
   */
  QueueStats stats(Instant now);

  /**
   * Deletes pending tasks of both queues deliberately ({@code dossier purge}).
   *
   * @param scope which tasks
   * @param dryRun when true, only counts what would be deleted
   * @return how many tasks were (or would be) deleted
   */
  PurgeCount purge(PurgeScope scope, boolean dryRun);

  /**
   * A human-readable location of the store, e.g. the database file path.
   *
   * @return where the store keeps its data
   */
  String location();

  /** Releases the store's resources; pending tasks stay where a durable store keeps them. */
  @Override
  void close();
}
