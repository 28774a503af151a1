package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.sqlite.internal.sql.BodyColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A claimed task of either queue with the columns of the claim order (due time, creation, id), so
 * that the rows a {@code RETURNING} clause gives in no particular order can be put in claim order.
 * Immutable.
 *
 * @param <T> the claimed task ({@link ClaimedBody} or {@code ClaimedEvent})
 */
record ClaimedRow<T>(long id, long nextAttemptAt, long createdAt, T claimed)
    implements Comparable<ClaimedRow<?>> {

  private static final Comparator<ClaimedRow<?>> ORDER =
      Comparator.<ClaimedRow<?>>comparingLong(ClaimedRow::nextAttemptAt)
          .thenComparingLong(ClaimedRow::createdAt)
          .thenComparingLong(ClaimedRow::id);

  @Override
  public int compareTo(ClaimedRow<?> other) {
    return ORDER.compare(this, other);
  }

  /**
   * The tasks of rows, in claim order.
   *
   * @param rows the rows, in any order
   * @param <T> the task type
   * @return their tasks, sorted by claim order
   */
  static <T> List<T> inClaimOrder(List<ClaimedRow<T>> rows) {
    List<ClaimedRow<T>> sorted = new ArrayList<>(rows);
    sorted.sort(null);
    List<T> tasks = new ArrayList<>(sorted.size());
    sorted.forEach(row -> tasks.add(row.claimed()));
    return tasks;
  }

  /**
   * Reads the rows of one {@code body_queue ... RETURNING *} result. Looks each column up by name
   * once per result, not once per row (a lookup by name scans the column names).
   */
  static final class Reader {
    private final ResultSet rs;
    private final Lease lease;
    private final BodyColumn body;
    private final int id;
    private final int uploadId;
    private final int projectUuid;
    private final int featureSlug;
    private final int targetBranch;
    private final int missionKey;
    private final int manifestVersion;
    private final int artifactPath;
    private final int contentHash;
    private final int contentBody;
    private final int sizeBytes;
    private final int createdAt;
    private final int retryCount;
    private final int nextAttemptAt;

    /**
     * @param rs the result, before its first row
     * @param lease the lease the claim gave every row (a row holds only its owner's token)
     * @param body how the result's dialect keeps the body
     */
    Reader(ResultSet rs, Lease lease, BodyColumn body) throws SQLException {
      this.rs = rs;
      this.lease = lease;
      this.body = body;
      this.id = rs.findColumn("id");
      this.uploadId = rs.findColumn("upload_id");
      this.projectUuid = rs.findColumn("project_uuid");
      this.featureSlug = rs.findColumn("feature_slug");
      this.targetBranch = rs.findColumn("target_branch");
      this.missionKey = rs.findColumn("mission_key");
      this.manifestVersion = rs.findColumn("manifest_version");
      this.artifactPath = rs.findColumn("artifact_path");
      this.contentHash = rs.findColumn("content_hash");
      this.contentBody = rs.findColumn("content_body");
      this.sizeBytes = rs.findColumn("size_bytes");
      this.createdAt = rs.findColumn("created_at");
      this.retryCount = rs.findColumn("retry_count");
      this.nextAttemptAt = rs.findColumn("next_attempt_at");
    }

    /** Reads the result's current row. */
    ClaimedRow<ClaimedBody> read() throws SQLException {
      NamespaceRef namespace =
          new NamespaceRef(
              rs.getString(projectUuid),
              rs.getString(featureSlug),
              rs.getString(targetBranch),
              rs.getString(missionKey),
              rs.getString(manifestVersion));
      BodyUploadTask task =
          new BodyUploadTask(
              rs.getString(uploadId),
              namespace,
              rs.getString(artifactPath),
              rs.getString(contentHash),
              body.read(rs, contentBody),
              rs.getLong(sizeBytes));
      long created = rs.getLong(createdAt);
      ClaimedBody body =
          new ClaimedBody(task, rs.getInt(retryCount), Millis.toInstant(created), lease);
      return new ClaimedRow<>(rs.getLong(id), rs.getLong(nextAttemptAt), created, body);
    }
  }
}
