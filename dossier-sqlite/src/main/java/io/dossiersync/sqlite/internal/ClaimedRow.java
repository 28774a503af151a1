package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.Lease;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;

/**
 * A body row as a claim returns it, read by column name from the JDBC result, and ordered as the
 * claim order (due time, creation, id). Immutable.
 */
record ClaimedRow(long id, long nextAttemptAt, long createdAt, ClaimedBody body)
    implements Comparable<ClaimedRow> {

  private static final Comparator<ClaimedRow> ORDER = Comparator
      .comparingLong(ClaimedRow::nextAttemptAt)
      .thenComparingLong(ClaimedRow::createdAt)
      .thenComparingLong(ClaimedRow::id);

  /**
   * Reads the current row of a {@code body_queue ... RETURNING *} result.
   *
   * @param rs the result, on a row
   * @param lease the lease the claim gave the row (the row holds only its owner's token)
   */
  static ClaimedRow read(ResultSet rs, Lease lease) throws SQLException {
    NamespaceRef namespace = new NamespaceRef(rs.getString("project_uuid"),
        rs.getString("feature_slug"), rs.getString("target_branch"), rs.getString("mission_key"),
        rs.getString("manifest_version"));
    BodyUploadTask task = new BodyUploadTask(rs.getString("upload_id"), namespace,
        rs.getString("artifact_path"), rs.getString("content_hash"), rs.getString("content_body"),
        rs.getLong("size_bytes"));
    long createdAt = rs.getLong("created_at");
    ClaimedBody body = new ClaimedBody(task, rs.getInt("retry_count"),
        Millis.toInstant(createdAt), lease);
    return new ClaimedRow(rs.getLong("id"), rs.getLong("next_attempt_at"), createdAt, body);
  }

  @Override
  public int compareTo(ClaimedRow other) {
    return ORDER.compare(this, other);
  }
}
