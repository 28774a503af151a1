package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueStats;
import java.time.Instant;

/** The store-wide operations (stats, purge), each in one transaction. Stateless. */
public final class StoreQueries {

  private StoreQueries() {}

  /**
   * Computes the statistics from SQL aggregates in one read snapshot.
   *
   * @param database the database
   * @param now the instant that separates ready from in-backoff tasks
   * @return the statistics
   */
  public static QueueStats stats(Database database, Instant now) {
    return database.read("computing queue stats", dsl -> QueueStatsQuery.run(dsl, Millis.of(now)));
  }

  /**
   * Deletes, or only counts, the pending tasks of a project or feature in both queues.
   *
   * @param database the database
   * @param scope which tasks
   * @param dryRun true to count only
   * @return how many tasks were (or would be) deleted
   */
  public static PurgeCount purge(Database database, PurgeScope scope, boolean dryRun) {
    return dryRun
        ? database.read("counting tasks to purge", dsl -> PurgeQuery.count(dsl, scope))
        : database.write("purging tasks", dsl -> PurgeQuery.delete(dsl, scope));
  }
}
