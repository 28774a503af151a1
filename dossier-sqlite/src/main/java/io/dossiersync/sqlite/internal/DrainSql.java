package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statements a drain runs for every claim batch, on plain JDBC ({@link Sql}): rendered through
 * jOOQ they cost as much Java time as SQLite spent running them. A claim of either queue is one
 * {@code UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING *}: it leases the oldest ready rows
 * of the scope, rewriting each in place ({@link LeaseColumns}), and returns them in the same
 * statement. All run inside the caller's transaction.
 * Stateless.
 */
final class DrainSql {

  /** No event of the body row's namespace is still queued. */
  private static final String NO_PENDING_EVENT = " AND NOT EXISTS (SELECT 1 FROM event_queue e"
      + " WHERE e.project_uuid = q.project_uuid AND e.feature_slug = q.feature_slug"
      + " AND e.target_branch = q.target_branch AND e.mission_key = q.mission_key"
      + " AND e.manifest_version = q.manifest_version)";

  private DrainSql() {}

  /**
   * Leases the oldest ready body rows of the request's scope and returns them, bodies included, in
   * claim order.
   *
   * @param connection the transaction's connection
   * @param request the claim
   * @return the claimed rows, in claim order
   * @throws SQLException when SQLite fails the statement
   */
  static List<ClaimedBody> claimBodies(Connection connection, ClaimRequest request)
      throws SQLException {
    Lease lease = lease(request);
    List<ClaimedRow<ClaimedBody>> rows = new ArrayList<>(request.maxTasks());
    try (PreparedStatement statement = claim(connection, "body_queue", request,
            request.holdNamespacesWithPendingEvents() ? NO_PENDING_EVENT : "");
        ResultSet rs = statement.executeQuery()) {
      ClaimedRow.Reader reader = new ClaimedRow.Reader(rs, lease);
      while (rs.next()) {
        rows.add(reader.read());
      }
    }
    return ClaimedRow.inClaimOrder(rows);
  }

  /**
   * Leases the oldest ready event rows of the request's scope and returns them in claim order.
   *
   * @param connection the transaction's connection
   * @param request the claim ({@code holdNamespacesWithPendingEvents} does not apply)
   * @return the claimed events, in claim order
   * @throws SQLException when SQLite fails the statement
   */
  static List<ClaimedEvent> claimEvents(Connection connection, ClaimRequest request)
      throws SQLException {
    Lease lease = lease(request);
    List<ClaimedRow<ClaimedEvent>> rows = new ArrayList<>(request.maxTasks());
    try (PreparedStatement statement = claim(connection, "event_queue", request, "");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        NamespaceRef namespace = new NamespaceRef(rs.getString("project_uuid"),
            rs.getString("feature_slug"), rs.getString("target_branch"),
            rs.getString("mission_key"), rs.getString("manifest_version"));
        EventRecord event = new EventRecord(rs.getString("event_id"),
            rs.getString("event_type"), rs.getString("aggregate_id"), namespace,
            Optional.ofNullable(rs.getString("coalesce_key")), rs.getString("payload"));
        long createdAt = rs.getLong("created_at");
        rows.add(new ClaimedRow<>(rs.getLong("id"), rs.getLong("next_attempt_at"), createdAt,
            new ClaimedEvent(event, rs.getInt("retry_count"), Millis.toInstant(createdAt),
                lease)));
      }
    }
    return ClaimedRow.inClaimOrder(rows);
  }

  /**
   * Deletes the body rows of these upload ids that one owner still holds.
   *
   * @param connection the transaction's connection
   * @param owner the lease owner (not its token)
   * @param uploadIds at most {@link QueueQueries#CHUNK}, at least one
   * @return the upload ids deleted
   * @throws SQLException when SQLite fails the statement
   */
  static Set<String> deleteHeldBodies(Connection connection, String owner,
      List<String> uploadIds) throws SQLException {
    List<Object> values = new ArrayList<>(uploadIds.size() + 1);
    values.add(LeaseColumns.token(owner));
    values.addAll(uploadIds);
    Set<String> deleted = new HashSet<>();
    try (PreparedStatement statement = Sql.prepare(connection,
            "DELETE FROM body_queue WHERE lease_owner = ? AND upload_id IN ("
                + Sql.placeholders(uploadIds.size()) + ") RETURNING upload_id", values);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        deleted.add(rs.getString(1));
      }
    }
    return deleted;
  }

  /**
   * The readiness rule of both queues, written once for the claim and the stats: due, and no lease
   * or an expired one (a row no claim holds has an expired one, {@link LeaseColumns}).
   *
   * @param table the table name or alias whose columns the rule reads
   * @return the condition, binding {@code now} twice
   */
  static String ready(String table) {
    return table + ".next_attempt_at <= ? AND (" + table + ".lease_owner IS NULL OR " + table
        + ".lease_until <= ?)";
  }

  /** The lease a claim gives, at the millisecond precision the table keeps. */
  private static Lease lease(ClaimRequest request) {
    return new Lease(request.owner(), Millis.toInstant(Millis.of(request.lease().until())));
  }

  /**
   * The claim statement of one queue table: {@link #ready} rows of the scope's projects, meeting
   * {@code extra}, oldest first.
   */
  private static PreparedStatement claim(Connection connection, String table,
      ClaimRequest request, String extra) throws SQLException {
    long now = Millis.of(request.now());
    List<Object> values = new ArrayList<>(List.of(
        LeaseColumns.token(request.owner()), Millis.of(request.lease().until()), now, now, now));
    StringBuilder sql = new StringBuilder("UPDATE ").append(table)
        .append(" SET lease_owner = ?, lease_until = ?, claimed_at = ?")
        .append(" WHERE id IN (SELECT q.id FROM ").append(table).append(" q")
        .append(" WHERE ").append(ready("q"));
    request.scope().projects().ifPresent(projects -> {
      sql.append(" AND q.project_uuid IN (").append(Sql.placeholders(projects.size()))
          .append(')');
      values.addAll(projects);
    });
    sql.append(extra).append(" ORDER BY q.next_attempt_at, q.created_at, q.id LIMIT ?)")
        .append(" RETURNING *");
    values.add(request.maxTasks());
    return Sql.prepare(connection, sql.toString(), values);
  }
}
