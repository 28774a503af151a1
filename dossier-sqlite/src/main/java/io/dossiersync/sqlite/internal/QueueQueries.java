package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.NextDue;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.sqlite.internal.sql.LeaseColumns;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The operations that both queues run the same way, each on its own queue's statements ({@link
 * QueueSql}), inside the caller's transaction. Stateless.
 */
final class QueueQueries {

  private QueueQueries() {}

  static long pending(SqlSession s, QueueSql q, ProjectScope scope) throws SQLException {
    if (scope.isEmpty()) {
      return 0;
    }
    Optional<Set<String>> projects = scope.projects();
    return (projects.isPresent() ? s.number(q.pendingIn(), projects.get()) : s.number(q.pending()))
        .orElse(0L);
  }

  /**
   * When a task in scope becomes claimable (due time, or lease end if later), and whether a task
   * due by {@code now} is held by a lease: one statement reads both earliest times.
   */
  static NextDue nextDue(SqlSession s, QueueSql q, ProjectScope scope, Instant now)
      throws SQLException {
    if (scope.isEmpty()) {
      return NextDue.none();
    }
    Optional<Set<String>> projects = scope.projects();
    try (ResultSet rs =
        projects.isPresent() ? s.query(q.nextDueIn(), projects.get()) : s.query(q.nextDue())) {
      if (!rs.next()) {
        return NextDue.none();
      }
      return NextDue.of(instant(rs, 1), instant(rs, 2), now);
    }
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Millis.toInstant(millis));
  }

  static SortedSet<String> projects(SqlSession s, QueueSql q) throws SQLException {
    return Collections.unmodifiableSortedSet(
        new TreeSet<>(s.list(q.projects(), rs -> rs.getString(1))));
  }

  /** Deletes the tasks of these ids that {@code owner} holds; returns the ids deleted. */
  static Set<String> complete(SqlSession s, QueueSql q, String owner, List<String> ids)
      throws SQLException {
    return new HashSet<>(
        s.list(q.complete(), rs -> rs.getString(1), LeaseColumns.token(owner), ids));
  }
}
