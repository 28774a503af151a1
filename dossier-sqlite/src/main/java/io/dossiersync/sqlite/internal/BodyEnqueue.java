package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CloseableQuery;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * One body enqueue batch inside its write transaction: insert-or-ignore on the 7-field key
 * (row count 1 = enqueued, 0 = already in queue), then delete the other hashes of the same
 * namespace and path (supersede). The two statements are prepared once and re-bound per task.
 * When the queue is full, a task is still reported {@code ALREADY_IN_QUEUE} when it is pending,
 * and still stored when it supersedes an older task (it takes that task's place). Not
 * thread-safe: one instance per batch.
 */
final class BodyEnqueue {

  private final DSLContext dsl;
  private final int maxQueueSize;
  private final Param<String> uploadId = DSL.param("upload_id", String.class);
  private final NamespaceParams insertNs = new NamespaceParams("");
  private final Param<String> path = DSL.param("artifact_path", String.class);
  private final Param<String> hash = DSL.param("content_hash", String.class);
  private final Param<String> body = DSL.param("content_body", String.class);
  private final Param<Long> size = DSL.param("size_bytes", Long.class);
  private final Param<Long> now = DSL.param("now", Long.class);
  private final NamespaceParams deleteNs = new NamespaceParams("s_");
  private final Param<String> deletePath = DSL.param("s_artifact_path", String.class);
  private final Param<String> keepHash = DSL.param("s_content_hash", String.class);

  BodyEnqueue(DSLContext dsl, int maxQueueSize) {
    this.dsl = dsl;
    this.maxQueueSize = maxQueueSize;
  }

  EnqueueResult run(List<BodyUploadTask> tasks, long nowMillis) {
    long pending = dsl.fetchCount(BODY_QUEUE);
    List<EnqueueStatus> statuses = new ArrayList<>(tasks.size());
    int superseded = 0;
    try (CloseableQuery insert = insertQuery().keepStatement(true);
        CloseableQuery supersede = supersedeQuery().keepStatement(true)) {
      insert.bind("now", nowMillis);
      for (BodyUploadTask task : tasks) {
        bind(insert, supersede, task);
        if (pending >= maxQueueSize && !roomByReplacing(task)) {
          statuses.add(isPending(task) ? EnqueueStatus.ALREADY_IN_QUEUE : EnqueueStatus.QUEUE_FULL);
          continue;
        }
        if (insert.execute() == 0) {
          statuses.add(EnqueueStatus.ALREADY_IN_QUEUE);
          continue;
        }
        int removed = supersede.execute();
        superseded += removed;
        pending += 1 - removed;
        statuses.add(EnqueueStatus.ENQUEUED);
      }
    }
    return new EnqueueResult(statuses, superseded);
  }

  private void bind(Query insert, Query supersede, BodyUploadTask task) {
    insert.bind("upload_id", task.uploadId());
    insertNs.bind(insert, task.namespace());
    insert.bind("artifact_path", task.artifactPath());
    insert.bind("content_hash", task.contentHash());
    insert.bind("content_body", task.contentBody());
    insert.bind("size_bytes", task.sizeBytes());
    deleteNs.bind(supersede, task.namespace());
    supersede.bind("s_artifact_path", task.artifactPath());
    supersede.bind("s_content_hash", task.contentHash());
  }

  private Query insertQuery() {
    return dsl.insertInto(BODY_QUEUE, BODY_QUEUE.UPLOAD_ID, BODY_QUEUE.PROJECT_UUID,
            BODY_QUEUE.FEATURE_SLUG, BODY_QUEUE.TARGET_BRANCH, BODY_QUEUE.MISSION_KEY,
            BODY_QUEUE.MANIFEST_VERSION, BODY_QUEUE.ARTIFACT_PATH, BODY_QUEUE.CONTENT_HASH,
            BODY_QUEUE.HASH_ALGORITHM, BODY_QUEUE.CONTENT_BODY, BODY_QUEUE.SIZE_BYTES,
            BODY_QUEUE.CREATED_AT, BODY_QUEUE.RETRY_COUNT, BODY_QUEUE.NEXT_ATTEMPT_AT)
        .values(uploadId, insertNs.project, insertNs.feature, insertNs.branch, insertNs.mission,
            insertNs.manifest, path, hash, DSL.inline(BodyUploadTask.HASH_ALGORITHM), body, size,
            now, DSL.inline(0), now)
        .onConflictDoNothing();
  }

  private Query supersedeQuery() {
    return dsl.deleteFrom(BODY_QUEUE)
        .where(deleteNs.matches(QueueColumns.BODIES))
        .and(BODY_QUEUE.ARTIFACT_PATH.eq(deletePath))
        .and(BODY_QUEUE.CONTENT_HASH.ne(keepHash));
  }

  /** Full queue: true when older hashes of this key go away, making room for this one. */
  private boolean roomByReplacing(BodyUploadTask task) {
    if (isPending(task)) {
      return false;
    }
    return dsl.fetchExists(BODY_QUEUE, sameKey(task.namespace(), task.artifactPath()));
  }

  private boolean isPending(BodyUploadTask task) {
    return dsl.fetchExists(BODY_QUEUE, sameKey(task.namespace(), task.artifactPath())
        .and(BODY_QUEUE.CONTENT_HASH.eq(task.contentHash())));
  }

  private static org.jooq.Condition sameKey(NamespaceRef ns, String artifactPath) {
    return QueueColumns.BODIES.namespaceIs(ns).and(BODY_QUEUE.ARTIFACT_PATH.eq(artifactPath));
  }
}
