package io.dossiersync.core.queue;

import java.time.Instant;

/**
 * The durable store of dossier-sync: an event queue, a body queue and failure records, kept
 * together (PRODUCT.md §3). This is the port; {@code dossier-sqlite} is the durable adapter and
 * {@link InMemoryQueueStore} the non-durable one. Any implementation proves itself by extending
 * the testkit's {@code QueueStoreContract}.
 *
 * <p>Times are passed in by the caller (who owns the {@link java.time.Clock}), so a store has no
 * clock of its own. Implementations are thread-safe; a durable one may be shared by several
 * processes, which the leases of {@link ClaimRequest} keep apart. Failures cross this port as
 * {@link QueueStoreException}, never as a driver exception.
 */
public interface QueueStore extends AutoCloseable {

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
   * The failure records.
   *
   * @return the failure records view of this store
   */
  FailureRecords failures();

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
