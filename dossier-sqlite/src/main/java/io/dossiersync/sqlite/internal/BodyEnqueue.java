package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One body enqueue batch inside its write transaction, planned in memory and written in bulk.
 *
 * <p>It reads the keys (never the bodies) of the pending tasks of the batch's namespaces and paths
 * (an index range per path, so the cost follows the batch, not the namespace), then walks the batch
 * in order as if each task were enqueued alone: a task whose 7-field key is pending (in the file or
 * earlier in the batch) is {@code ALREADY_IN_QUEUE}; otherwise it supersedes every pending task of
 * its namespace and path with another hash, and is {@code QUEUE_FULL} only when the queue is full
 * and it replaces nothing. Then it deletes the superseded rows and inserts the surviving new rows
 * in one JDBC batch. The write lock of {@code BEGIN IMMEDIATE} keeps the plan valid until commit.
 * Not thread-safe: one instance per batch.
 */
final class BodyEnqueue {

  private final SqlSession session;
  private final BodyRows rows;
  private final int maxQueueSize;

  BodyEnqueue(Connection connection, int maxQueueSize) {
    this.session = SqlSession.on(connection);
    this.rows = new BodyRows(session);
    this.maxQueueSize = maxQueueSize;
  }

  EnqueueResult run(List<BodyUploadTask> tasks, long now) throws SQLException {
    EnqueuePlan plan =
        new EnqueuePlan(
            QueueCapacity.pending(session, QueueSql.BODIES, tasks.size(), maxQueueSize),
            maxQueueSize,
            tasks.size());
    Map<PathKey, List<Pending>> live = rows.pendingKeys(paths(tasks));
    for (int i = 0; i < tasks.size(); i++) {
      BodyUploadTask task = tasks.get(i);
      PathKey key = new PathKey(task.namespace(), task.artifactPath());
      List<Pending> versions = live.computeIfAbsent(key, k -> new ArrayList<>());
      if (versions.stream().anyMatch(v -> v.hash().equals(task.contentHash()))) {
        plan.alreadyInQueue();
      } else if (plan.enqueue(i, versions)) {
        versions.clear();
        versions.add(new Pending(-1, i, task.contentHash()));
      }
    }
    rows.delete(plan.supersededRows());
    rows.insert(plan.inserts(tasks), now);
    return plan.result();
  }

  private static Map<NamespaceRef, Set<String>> paths(List<BodyUploadTask> tasks) {
    Map<NamespaceRef, Set<String>> paths = new LinkedHashMap<>();
    tasks.forEach(
        task ->
            paths
                .computeIfAbsent(task.namespace(), ns -> new LinkedHashSet<>())
                .add(task.artifactPath()));
    return paths;
  }

  /** A namespace and an artifact path: the key that supersede works on. */
  record PathKey(NamespaceRef namespace, String artifactPath) {}

  /** A pending version of a key: a row in the file, or a task earlier in this batch. */
  record Pending(long rowId, int batchIndex, String hash) implements EnqueuePlan.Version {

    static Map<PathKey, List<Pending>> index(List<Map.Entry<PathKey, Pending>> entries) {
      Map<PathKey, List<Pending>> index = new HashMap<>();
      entries.forEach(
          e -> index.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      return index;
    }
  }
}
