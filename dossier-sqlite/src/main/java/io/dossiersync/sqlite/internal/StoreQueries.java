package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.time.Instant;

/** The store-wide operations (stats, purge), each in one transaction. Stateless. */
public final class StoreQueries {

  private StoreQueries() {}

  /**
   * Computes the statistics from SQL aggregates in one read snapshot.
   *
   * @param database the database's transactions
   * @param now the instant that separates ready from in-backoff tasks
   * @return the statistics
   */
  public static QueueStats stats(Transactor database, Instant now) {
    return database.read("computing queue stats", s -> QueueStatsQuery.run(s, Millis.of(now)));
  }

  /**
   * Deletes, or only counts, the pending tasks of a project or feature in both queues.
   *
   * @param database the database's transactions
   * @param scope which tasks
   * @param dryRun true to count only
   * @return how many tasks were (or would be) deleted
   */
  public static PurgeCount purge(Transactor database, PurgeScope scope, boolean dryRun) {
    return dryRun
        ? database.read("counting tasks to purge", s -> count(s, scope))
        : database.writeSerialized("purging tasks", s -> delete(s, scope));
  }

  private static PurgeCount count(SqlSession s, PurgeScope scope) throws SQLException {
    return new PurgeCount(count(s, QueueSql.EVENTS, scope), count(s, QueueSql.BODIES, scope));
  }

  private static long count(SqlSession s, QueueSql q, PurgeScope scope) throws SQLException {
    return (scope.projectUuid() != null
            ? s.number(q.purgeCountProject(), scope.projectUuid())
            : s.number(q.purgeCountFeature(), scope.featureSlug()))
        .orElse(0L);
  }

  private static PurgeCount delete(SqlSession s, PurgeScope scope) throws SQLException {
    return new PurgeCount(delete(s, QueueSql.EVENTS, scope), delete(s, QueueSql.BODIES, scope));
  }

  private static long delete(SqlSession s, QueueSql q, PurgeScope scope) throws SQLException {
    return scope.projectUuid() != null
        ? s.update(q.purgeProject(), scope.projectUuid())
        : s.update(q.purgeFeature(), scope.featureSlug());
  }
}
