package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.sqlite.internal.BodyEnqueue.PathKey;
import io.dossiersync.sqlite.internal.BodyEnqueue.Pending;
import io.dossiersync.sqlite.internal.sql.BodyColumn;
import io.dossiersync.sqlite.internal.sql.Sql;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bulk statements of a body enqueue: read the pending keys of the batch's paths (an index range
 * of the unique key per path, so the cost follows the batch, not the namespace), delete superseded
 * rows by id, insert new rows as one batch of the prepared insert. Runs inside the caller's
 * transaction. Not thread-safe.
 */
final class BodyRows {

  private final SqlSession session;

  BodyRows(SqlSession session) {
    this.session = session;
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
      found.addAll(
          session.list(
              Sql.BODY_PENDING_PATHS,
              rs ->
                  new SimpleEntry<>(
                      new PathKey(ns, rs.getString(2)),
                      new Pending(rs.getLong(1), -1, rs.getString(3))),
              ns.projectUuid(),
              ns.featureSlug(),
              ns.targetBranch(),
              ns.missionKey(),
              ns.manifestVersion(),
              entry.getValue()));
    }
    return Pending.index(found);
  }

  void delete(List<Long> ids) throws SQLException {
    if (!ids.isEmpty()) {
      session.update(Sql.BODY_DELETE_IDS, ids);
    }
  }

  void insert(List<BodyUploadTask> tasks, long now) throws SQLException {
    List<Object[]> rows = new ArrayList<>(tasks.size());
    BodyColumn body = session.bodyColumn();
    for (BodyUploadTask t : tasks) {
      NamespaceRef ns = t.namespace();
      rows.add(
          new Object[] {
            t.uploadId(),
            ns.projectUuid(),
            ns.featureSlug(),
            ns.targetBranch(),
            ns.missionKey(),
            ns.manifestVersion(),
            t.artifactPath(),
            t.contentHash(),
            t.hashAlgorithm(),
            body.bind(t.contentBody()),
            t.sizeBytes(),
            now
          });
    }
    session.insertPlanned(Sql.BODY_INSERT, rows, "body enqueue");
  }
}
