package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.BodyQueueStats;
import io.dossiersync.core.queue.EventQueueStats;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.sqlite.internal.sql.Sql;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Queue statistics from SQL aggregates; no task row is loaded. Stateless. */
final class QueueStatsQuery {

  private QueueStatsQuery() {}

  static QueueStats run(SqlSession s, long now) throws SQLException {
    Counts events = counts(s, QueueSql.EVENTS, now);
    Counts bodies = counts(s, QueueSql.BODIES, now);
    Optional<Duration> oldestAge =
        bodies.oldest().map(oldest -> Duration.ofMillis(Math.max(0, now - oldest)));
    SortedMap<Integer, Long> retries = new TreeMap<>();
    for (var row : s.list(Sql.BODY_RETRIES, rs -> Map.entry(rs.getInt(1), rs.getLong(2)))) {
      retries.put(row.getKey(), row.getValue());
    }
    SortedMap<String, Long> byFeature = new TreeMap<>();
    for (var row : s.list(Sql.BODY_FEATURES, rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
      byFeature.put(row.getKey(), row.getValue());
    }
    return new QueueStats(
        new EventQueueStats(events.total(), events.ready(), events.backoff()),
        new BodyQueueStats(
            bodies.total(), bodies.ready(), bodies.backoff(), oldestAge, retries, byFeature),
        s.number(Sql.FAILURE_COUNT).orElse(0L));
  }

  /** The counts of one queue at {@code now}. */
  private record Counts(long total, long ready, long backoff, Optional<Long> oldest) {}

  private static Counts counts(SqlSession s, QueueSql q, long now) throws SQLException {
    try (ResultSet rs = s.query(q.stats(), now)) {
      rs.next();
      long oldest = rs.getLong(4);
      Optional<Long> oldestIfAny = rs.wasNull() ? Optional.empty() : Optional.of(oldest);
      return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), oldestIfAny);
    }
  }
}
