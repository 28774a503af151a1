package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.sqlite.internal.sql.LeaseColumns;
import io.dossiersync.sqlite.internal.sql.Sql;
import io.dossiersync.sqlite.internal.sql.SqlSession;
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
    return (projects.isPresent() ? s.number(q.pendingIn(), projects.get())
        : s.number(q.pending())).orElse(0L);
  }

  /** The earliest time a task in scope becomes claimable: due time, or lease end if later. */
  static Optional<Instant> nextDue(SqlSession s, QueueSql q, ProjectScope scope)
      throws SQLException {
    return earliest(s, q.nextDue(), q.nextDueIn(), scope);
  }

  /** The earliest next attempt time in scope, leases ignored. */
  static Optional<Instant> nextAttempt(SqlSession s, QueueSql q, ProjectScope scope)
      throws SQLException {
    return earliest(s, q.nextAttempt(), q.nextAttemptIn(), scope);
  }

  private static Optional<Instant> earliest(SqlSession s, Sql all, Sql in, ProjectScope scope) throws SQLException {
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    Optional<Set<String>> projects = scope.projects();
    return (projects.isPresent() ? s.number(in, projects.get()) : s.number(all))
        .map(Millis::toInstant);
  }

  static SortedSet<String> projects(SqlSession s, QueueSql q) throws SQLException {
    return Collections.unmodifiableSortedSet(
        new TreeSet<>(s.list(q.projects(), rs -> rs.getString(1))));
  }

  /** Deletes the tasks of these ids that {@code owner} holds; returns the ids deleted. */
  static Set<String> complete(SqlSession s, QueueSql q, String owner, List<String> ids)
      throws SQLException {
    return new HashSet<>(s.list(q.complete(), rs -> rs.getString(1), LeaseColumns.token(owner),
        ids));
  }

  /** Drops the leases after a failed attempt: one more retry, a new due time, the error. */
  static int reschedule(SqlSession s, QueueSql q, String owner, List<String> ids, Instant next,
      String lastError) throws SQLException {
    return s.update(q.reschedule(), LeaseColumns.token(owner), ids, Millis.of(next), lastError);
  }

  /** Drops the leases without counting a retry. */
  static int release(SqlSession s, QueueSql q, String owner, List<String> ids)
      throws SQLException {
    return s.update(q.release(), LeaseColumns.token(owner), ids);
  }

  /**
   * Moves one held task into the failure records ({@code INSERT ... SELECT}, then the delete),
   * so it is never in both places or in neither.
   *
   * @return false when the owner no longer holds it
   */
  static boolean fail(SqlSession s, QueueSql q, String owner, String id, String reason,
      Instant now) throws SQLException {
    List<String> ids = List.of(id);
    return s.update(q.fail(), LeaseColumns.token(owner), ids, reason, Millis.of(now)) > 0
        && !complete(s, q, owner, ids).isEmpty();
  }
}
