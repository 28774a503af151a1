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
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The bulk statements of a body enqueue, on plain JDBC ({@link Sql}): read pending keys, delete
 * superseded rows by id, insert new rows as one batch of a prepared insert. Runs inside the
 * caller's transaction. Not thread-safe.
 */
final class BodyRows {

  /** Namespaces per key query: five binds each, far below SQLite's limit. */
  private static final int NAMESPACES_PER_QUERY = 100;
  private static final String NAMESPACE_IS = "(project_uuid = ? AND feature_slug = ?"
      + " AND target_branch = ? AND mission_key = ? AND manifest_version = ?)";
  /** New rows start with the fixed-size placeholder lease of {@link BodyLeaseColumns}. */
  private static final String INSERT = "INSERT INTO body_queue (upload_id, project_uuid,"
      + " feature_slug, target_branch, mission_key, manifest_version, artifact_path, content_hash,"
      + " hash_algorithm, content_body, size_bytes, created_at, retry_count, next_attempt_at,"
      + " lease_owner, lease_until, claimed_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, '" + BodyLeaseColumns.NO_OWNER + "', "
      + BodyLeaseColumns.NEVER + ", " + BodyLeaseColumns.NEVER + ")";

  private final Connection connection;

  BodyRows(Connection connection) {
    this.connection = connection;
  }

  /** The keys and hashes (not the bodies) of the pending tasks in these namespaces. */
  Map<PathKey, List<Pending>> pendingKeys(Collection<NamespaceRef> namespaces)
      throws SQLException {
    List<Map.Entry<PathKey, Pending>> found = new ArrayList<>();
    for (List<NamespaceRef> chunk :
        QueueQueries.chunks(List.copyOf(namespaces), NAMESPACES_PER_QUERY)) {
      List<String> binds = new ArrayList<>(chunk.size() * 5);
      chunk.forEach(ns -> binds.addAll(List.of(ns.projectUuid(), ns.featureSlug(),
          ns.targetBranch(), ns.missionKey(), ns.manifestVersion())));
      try (PreparedStatement select = Sql.prepare(connection, "SELECT id, project_uuid,"
              + " feature_slug, target_branch, mission_key, manifest_version, artifact_path,"
              + " content_hash FROM body_queue WHERE "
              + String.join(" OR ", Collections.nCopies(chunk.size(), NAMESPACE_IS)), binds);
          ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          NamespaceRef ns = new NamespaceRef(rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6));
          found.add(new SimpleEntry<>(new PathKey(ns, rs.getString(7)),
              new Pending(rs.getLong(1), -1, rs.getString(8))));
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
