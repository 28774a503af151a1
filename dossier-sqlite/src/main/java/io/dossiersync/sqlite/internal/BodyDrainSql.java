package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two statements a drain runs for every claim batch, a claim and a completion, on plain JDBC
 * ({@link Sql}): rendered through jOOQ they cost as much Java time as SQLite spent running them.
 * Both run inside the caller's transaction. Stateless.
 */
final class BodyDrainSql {

  /** Ready rows: due, and no lease or an expired one ({@link QueueColumns#ready}). */
  private static final String READY = "b.next_attempt_at <= ?"
      + " AND (b.lease_owner IS NULL OR b.lease_until <= ?)";
  /** No event of the row's namespace is still queued. */
  private static final String NO_PENDING_EVENT = " AND NOT EXISTS (SELECT 1 FROM event_queue e"
      + " WHERE e.project_uuid = b.project_uuid AND e.feature_slug = b.feature_slug"
      + " AND e.target_branch = b.target_branch AND e.mission_key = b.mission_key"
      + " AND e.manifest_version = b.manifest_version)";

  private BodyDrainSql() {}

  /**
   * Leases the oldest ready rows of the request's scope and returns them, bodies included, in
   * claim order. One statement, which rewrites each row in place ({@link BodyLeaseColumns}).
   *
   * @param connection the transaction's connection
   * @param request the claim
   * @return the claimed rows, in claim order
   * @throws SQLException when SQLite fails the statement
   */
  static List<ClaimedRow> claim(Connection connection, ClaimRequest request) throws SQLException {
    long now = Millis.of(request.now());
    long until = Millis.of(request.lease().until());
    Lease lease = new Lease(request.owner(), Millis.toInstant(until));
    List<Object> values = new ArrayList<>(List.of(
        BodyLeaseColumns.token(request.owner()), until, now, now, now));
    StringBuilder sql = new StringBuilder("UPDATE body_queue"
        + " SET lease_owner = ?, lease_until = ?, claimed_at = ?"
        + " WHERE id IN (SELECT b.id FROM body_queue b WHERE ").append(READY);
    request.scope().projects().ifPresent(projects -> {
      sql.append(" AND b.project_uuid IN (").append(Sql.placeholders(projects.size())).append(')');
      values.addAll(projects);
    });
    if (request.holdNamespacesWithPendingEvents()) {
      sql.append(NO_PENDING_EVENT);
    }
    sql.append(" ORDER BY b.next_attempt_at, b.created_at, b.id LIMIT ?) RETURNING *");
    values.add(request.maxTasks());
    List<ClaimedRow> rows = new ArrayList<>(request.maxTasks());
    try (PreparedStatement statement = Sql.prepare(connection, sql.toString(), values);
        ResultSet rs = statement.executeQuery()) {
      ClaimedRow.Reader reader = new ClaimedRow.Reader(rs, lease);
      while (rs.next()) {
        rows.add(reader.read());
      }
    }
    rows.sort(null);
    return rows;
  }

  /**
   * Deletes the rows of these upload ids that one owner still holds.
   *
   * @param connection the transaction's connection
   * @param owner the lease owner (not its token)
   * @param uploadIds at most {@link QueueQueries#chunks} allows per statement, at least one
   * @return the upload ids deleted
   * @throws SQLException when SQLite fails the statement
   */
  static Set<String> deleteHeld(Connection connection, String owner, List<String> uploadIds)
      throws SQLException {
    List<Object> values = new ArrayList<>(uploadIds.size() + 1);
    values.add(BodyLeaseColumns.token(owner));
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
}
