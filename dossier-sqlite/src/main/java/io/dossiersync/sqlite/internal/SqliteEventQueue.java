package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The event queue of a SQL queue database: the shared {@link SqliteTaskQueue} plus the event claim
 * and enqueue. Thread-safe and safe across processes sharing the database.
 */
public final class SqliteEventQueue extends SqliteTaskQueue<ClaimedEvent> implements EventQueue {

  /**
   * Creates the view.
   *
   * @param database the open, migrated database's transactions
   * @param maxQueueSize the most events the queue holds
   */
  public SqliteEventQueue(Transactor database, int maxQueueSize) {
    super(database, QueueSql.EVENTS, "event", "events", maxQueueSize);
  }

  @Override
  List<ClaimedEvent> claimIn(SqlSession s, ClaimRequest request) throws SQLException {
    return Claims.events(s, request);
  }

  @Override
  public EnqueueResult enqueue(List<EventRecord> events, Instant now) {
    return enqueueBatch(
        events, s -> new EventEnqueue(s.connection(), maxQueueSize()).run(events, Millis.of(now)));
  }
}
