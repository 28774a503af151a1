package io.dossiersync.sqlite.internal;

import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;

/**
 * How many rows a queue holds, as far as the capacity check of one enqueue needs to know. {@code
 * count(*)} walks a whole index, so paying it on every enqueue made a sync of many features
 * quadratic in the queue length; the row ids bound the count with two index lookups instead. Runs
 * inside the caller's transaction. Stateless.
 */
final class QueueCapacity {

  private QueueCapacity() {}

  /**
   * The number of pending rows to judge a batch of at most {@code adding} new rows by: the exact
   * count when the batch could fill the queue, else the upper bound {@code max(id) - min(id) + 1}.
   * With the bound, every task of the batch is judged as with the exact count (none can be {@code
   * queue_full}, since even the bound plus the whole batch stays within capacity).
   *
   * @param s the transaction's session
   * @param q the queue's statements
   * @param adding the most rows the batch may add
   * @param maxQueueSize the queue's capacity
   * @return a row count that decides every capacity check of the batch as the exact one would
   * @throws SQLException when SQLite fails the query
   */
  static long pending(SqlSession s, QueueSql q, int adding, int maxQueueSize) throws SQLException {
    long bound = s.number(q.rowsBound()).orElse(0L);
    return bound + adding <= maxQueueSize ? bound : s.number(q.rowsCount()).orElse(0L);
  }
}
