package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The body queue of a SQL queue database: the shared {@link SqliteTaskQueue} plus the body claim
 * (bodies read only for the claimed rows) and enqueue. Thread-safe and safe across processes
 * sharing the database.
 */
public final class SqliteBodyQueue extends SqliteTaskQueue<ClaimedBody> implements BodyQueue {

  /**
   * Creates the view.
   *
   * @param database the open, migrated database's transactions
   * @param maxQueueSize the most tasks the queue holds
   */
  public SqliteBodyQueue(Transactor database, int maxQueueSize) {
    super(database, QueueSql.BODIES, "body", "bodies", maxQueueSize);
  }

  @Override
  List<ClaimedBody> claimIn(SqlSession s, ClaimRequest request) throws SQLException {
    return Claims.bodies(s, request);
  }

  @Override
  public EnqueueResult enqueue(List<BodyUploadTask> tasks, Instant now) {
    return enqueueBatch(
        tasks, s -> new BodyEnqueue(s.connection(), maxQueueSize()).run(tasks, Millis.of(now)));
  }
}
