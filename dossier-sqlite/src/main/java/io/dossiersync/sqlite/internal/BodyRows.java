package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.sqlite.internal.BodyEnqueue.PathKey;
import io.dossiersync.sqlite.internal.BodyEnqueue.Pending;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bulk statements of a body enqueue, on plain JDBC ({@link Sql}): read pending keys, delete
 * superseded rows by id, insert new rows as one batch of a prepared insert. Runs inside the
 * caller's transaction. Not thread-safe.
 */
final class BodyRows {

  /**
   * The pending versions of some paths of one namespace: an index range of the unique key per
   * path, so the lookup costs what the batch holds, not what the namespace holds.
   */
  private static final String PENDING_PATHS = "SELECT id, artifact_path, content_hash"
      + " FROM body_queue WHERE project_uuid = ? AND feature_slug = ? AND target_branch = ?"
      + " AND mission_key = ? AND manifest_version = ? AND artifact_path IN (";
  /** New rows start with the no-lease values of {@link LeaseColumns}. */
  private static final String INSERT = "INSERT INTO body_queue (upload_id, project_uuid,"
      + " feature_slug, target_branch, mission_key, manifest_version, artifact_path, content_hash,"
      + " hash_algorithm, content_body, size_bytes, created_at, retry_count, next_attempt_at,"
      + " lease_owner, lease_until, claimed_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, '" + LeaseColumns.NO_OWNER + "', "
      + LeaseColumns.NEVER + ", " + LeaseColumns.NEVER + ")";

  private final Connection connection;

  BodyRows(Connection connection) {
    this.connection = connection;
  }

  /**
   * The keys and hashes (not the bodies) of the pending tasks of these paths.
   *
   * @param paths the batch's artifact paths, per namespace
   * @return every pending version of those paths, by namespace and path
   * @throws SQLException when SQLite fails a query
   */
  Map<PathKey, List<Pending>> pendingKeys(Map<NamespaceRef, Set<String>> paths)
      throws SQLException {
    List<Map.Entry<PathKey, Pending>> found = new ArrayList<>();
    for (Map.Entry<NamespaceRef, Set<String>> entry : paths.entrySet()) {
      NamespaceRef ns = entry.getKey();
      for (List<String> chunk : QueueQueries.chunks(List.copyOf(entry.getValue()))) {
        List<String> binds = new ArrayList<>(chunk.size() + 5);
        binds.addAll(List.of(ns.projectUuid(), ns.featureSlug(), ns.targetBranch(),
            ns.missionKey(), ns.manifestVersion()));
        binds.addAll(chunk);
        try (PreparedStatement select = Sql.prepare(connection,
                PENDING_PATHS + Sql.placeholders(chunk.size()) + ")", binds);
            ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            found.add(new SimpleEntry<>(new PathKey(ns, rs.getString(2)),
                new Pending(rs.getLong(1), -1, rs.getString(3))));
          }
        }
      }
    }
    return Pending.index(found);
  }

  void delete(List<Long> ids) throws SQLException {
    Sql.updateIn(connection, "DELETE FROM body_queue WHERE id IN", ids);
  }

  void insert(List<BodyUploadTask> tasks, long now) throws SQLException {
    if (tasks.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (BodyUploadTask t : tasks) {
        NamespaceRef ns = t.namespace();
        Sql.bind(insert, Arrays.asList(t.uploadId(), ns.projectUuid(), ns.featureSlug(),
            ns.targetBranch(), ns.missionKey(), ns.manifestVersion(), t.artifactPath(),
            t.contentHash(), t.hashAlgorithm(), t.contentBody(), t.sizeBytes(), now, now));
        insert.addBatch();
      }
      long inserted = Arrays.stream(insert.executeBatch()).asLongStream().sum();
      if (inserted != tasks.size()) {
        throw new QueueStoreException("body enqueue inserted " + inserted + " of " + tasks.size()
            + " planned rows; the batch was rolled back");
      }
    }
  }
}
