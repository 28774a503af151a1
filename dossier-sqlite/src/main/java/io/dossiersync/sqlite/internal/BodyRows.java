package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.sqlite.internal.BodyEnqueue.PathKey;
import io.dossiersync.sqlite.internal.BodyEnqueue.Pending;
import io.dossiersync.sqlite.internal.jooq.tables.records.BodyQueueRow;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep17;
import org.jooq.impl.DSL;

/**
 * The bulk statements of a body enqueue: read pending keys, delete superseded rows by id, insert
 * new rows with multi-row {@code INSERT}s of {@value #ROWS_PER_INSERT} rows (14 binds each, far
 * below SQLite's limit of 32,766). Runs inside the caller's transaction. Not thread-safe.
 */
final class BodyRows {

  private static final int ROWS_PER_INSERT = 500;
  private static final QueueColumns Q = QueueColumns.BODIES;

  private final DSLContext dsl;

  BodyRows(DSLContext dsl) {
    this.dsl = dsl;
  }

  long count() {
    return dsl.fetchCount(BODY_QUEUE);
  }

  /** The keys and hashes (not the bodies) of the pending tasks in these namespaces. */
  Map<PathKey, List<Pending>> pendingKeys(Collection<NamespaceRef> namespaces) {
    List<Map.Entry<PathKey, Pending>> found = new ArrayList<>();
    for (List<NamespaceRef> chunk : QueueQueries.chunks(List.copyOf(namespaces))) {
      Condition any = DSL.or(chunk.stream().map(Q::namespaceIs).toList());
      dsl.select(BODY_QUEUE.ID, BODY_QUEUE.PROJECT_UUID, BODY_QUEUE.FEATURE_SLUG,
              BODY_QUEUE.TARGET_BRANCH, BODY_QUEUE.MISSION_KEY, BODY_QUEUE.MANIFEST_VERSION,
              BODY_QUEUE.ARTIFACT_PATH, BODY_QUEUE.CONTENT_HASH)
          .from(BODY_QUEUE).where(any)
          .forEach(row -> found.add(new SimpleEntry<>(
              new PathKey(Q.namespaceOf(row), row.get(BODY_QUEUE.ARTIFACT_PATH)),
              new Pending(row.get(BODY_QUEUE.ID), -1, row.get(BODY_QUEUE.CONTENT_HASH)))));
    }
    return Pending.index(found);
  }

  void delete(List<Long> ids) {
    for (List<Long> chunk : QueueQueries.chunks(ids)) {
      dsl.deleteFrom(BODY_QUEUE).where(BODY_QUEUE.ID.in(chunk)).execute();
    }
  }

  void insert(List<BodyUploadTask> tasks, long now) {
    for (List<BodyUploadTask> chunk : QueueQueries.chunks(tasks, ROWS_PER_INSERT)) {
      InsertValuesStep17<BodyQueueRow, String, String, String, String, String, String, String,
          String, String, String, Long, Long, Integer, Long, String, Long, Long> insert =
          dsl.insertInto(BODY_QUEUE,
              BODY_QUEUE.UPLOAD_ID, BODY_QUEUE.PROJECT_UUID, BODY_QUEUE.FEATURE_SLUG,
              BODY_QUEUE.TARGET_BRANCH, BODY_QUEUE.MISSION_KEY, BODY_QUEUE.MANIFEST_VERSION,
              BODY_QUEUE.ARTIFACT_PATH, BODY_QUEUE.CONTENT_HASH, BODY_QUEUE.HASH_ALGORITHM,
              BODY_QUEUE.CONTENT_BODY, BODY_QUEUE.SIZE_BYTES, BODY_QUEUE.CREATED_AT,
              BODY_QUEUE.RETRY_COUNT, BODY_QUEUE.NEXT_ATTEMPT_AT, BODY_QUEUE.LEASE_OWNER,
              BODY_QUEUE.LEASE_UNTIL, BODY_QUEUE.CLAIMED_AT);
      for (BodyUploadTask t : chunk) {
        NamespaceRef ns = t.namespace();
        insert = insert.values(t.uploadId(), ns.projectUuid(), ns.featureSlug(),
            ns.targetBranch(), ns.missionKey(), ns.manifestVersion(), t.artifactPath(),
            t.contentHash(), t.hashAlgorithm(), t.contentBody(), t.sizeBytes(), now, 0, now,
            BodyLeaseColumns.NO_OWNER, BodyLeaseColumns.NEVER, BodyLeaseColumns.NEVER);
      }
      int inserted = insert.execute();
      if (inserted != chunk.size()) {
        throw new QueueStoreException("body enqueue inserted " + inserted + " of " + chunk.size()
            + " planned rows; the batch was rolled back");
      }
    }
  }
}
