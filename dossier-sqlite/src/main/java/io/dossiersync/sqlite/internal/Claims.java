package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.sqlite.internal.sql.LeaseColumns;
import io.dossiersync.sqlite.internal.sql.Sql;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claim of either queue: one {@code UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING}
 * statement that leases the oldest ready rows of the scope, rewriting each in place ({@link
 * LeaseColumns}), and returns them; the rows are put back in claim order. Runs inside the caller's
 * transaction. Stateless.
 */
final class Claims {

  private Claims() {}

  /**
   * Leases the oldest ready body rows of the request's scope and returns them, bodies included, in
   * claim order.
   *
   * @param s the transaction's session
   * @param request the claim (its scope not empty)
   * @return the claimed rows, in claim order
   * @throws SQLException when SQLite fails the statement
   */
  static List<ClaimedBody> bodies(SqlSession s, ClaimRequest request) throws SQLException {
    boolean hold = request.holdNamespacesWithPendingEvents();
    Optional<Set<String>> projects = request.scope().projects();
    Sql sql =
        projects.isPresent()
            ? (hold ? Sql.BODY_CLAIM_IN_HOLD : Sql.BODY_CLAIM_IN)
            : (hold ? Sql.BODY_CLAIM_HOLD : Sql.BODY_CLAIM);
    Lease lease = lease(request);
    List<ClaimedRow<ClaimedBody>> rows = new ArrayList<>(request.maxTasks());
    try (ResultSet rs = s.query(sql, values(request, projects))) {
      ClaimedRow.Reader reader = new ClaimedRow.Reader(rs, lease, s.bodyColumn());
      while (rs.next()) {
        rows.add(reader.read());
      }
    }
    return ClaimedRow.inClaimOrder(rows);
  }

  /**
   * Leases the oldest ready event rows of the request's scope and returns them in claim order.
   *
   * @param s the transaction's session
   * @param request the claim ({@code holdNamespacesWithPendingEvents} does not apply)
   * @return the claimed events, in claim order
   * @throws SQLException when SQLite fails the statement
   */
  static List<ClaimedEvent> events(SqlSession s, ClaimRequest request) throws SQLException {
    Optional<Set<String>> projects = request.scope().projects();
    Lease lease = lease(request);
    List<ClaimedRow<ClaimedEvent>> rows =
        s.list(
            projects.isPresent() ? Sql.EVENT_CLAIM_IN : Sql.EVENT_CLAIM,
            rs -> event(rs, lease),
            values(request, projects));
    return ClaimedRow.inClaimOrder(rows);
  }

  private static ClaimedRow<ClaimedEvent> event(ResultSet rs, Lease lease) throws SQLException {
    NamespaceRef namespace =
        new NamespaceRef(
            rs.getString("project_uuid"),
            rs.getString("feature_slug"),
            rs.getString("target_branch"),
            rs.getString("mission_key"),
            rs.getString("manifest_version"));
    EventRecord event =
        new EventRecord(
            rs.getString("event_id"),
            rs.getString("event_type"),
            rs.getString("aggregate_id"),
            namespace,
            Optional.ofNullable(rs.getString("coalesce_key")),
            rs.getString("payload"));
    long createdAt = rs.getLong("created_at");
    return new ClaimedRow<>(
        rs.getLong("id"),
        rs.getLong("next_attempt_at"),
        createdAt,
        new ClaimedEvent(event, rs.getInt("retry_count"), Millis.toInstant(createdAt), lease));
  }

  /** The values of a claim statement: owner, until, now, [projects], limit. */
  private static Object[] values(ClaimRequest request, Optional<Set<String>> projects) {
    String owner = LeaseColumns.token(request.owner());
    long until = Millis.of(request.lease().until());
    long now = Millis.of(request.now());
    return projects.isPresent()
        ? new Object[] {owner, until, now, projects.get(), request.maxTasks()}
        : new Object[] {owner, until, now, request.maxTasks()};
  }

  /** The lease a claim gives, at the millisecond precision the table keeps. */
  private static Lease lease(ClaimRequest request) {
    return new Lease(request.owner(), Millis.toInstant(Millis.of(request.lease().until())));
  }
}
