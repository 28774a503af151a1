package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.sqlite.internal.sql.Sql;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The requeue half of the {@link FailureRecords#INDEX_EVENT_FAILED} rule of the queue store
 * (PRODUCT.md §4.2): requeueing an event's record requeues the body records of the same namespace,
 * path and hash that the drain failed as {@code index_event_failed} ({@link
 * Sql#FAILURE_INDEX_FOLLOWERS}). The event's path and hash are those its failure record took from
 * its payload. Runs in the caller's write transaction. Stateless.
 */
final class IndexEventFollowers {

  private IndexEventFollowers() {}

  /** {@code ids} with the body records that followed any event record among them, in order. */
  static List<Long> withFollowers(SqlSession s, List<Long> ids) throws SQLException {
    Set<Long> all = new LinkedHashSet<>(ids);
    all.addAll(s.list(Sql.FAILURE_INDEX_FOLLOWERS, rs -> rs.getLong(1), ids));
    return List.copyOf(all);
  }
}
