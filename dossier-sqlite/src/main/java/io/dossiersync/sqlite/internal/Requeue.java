package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.FailureKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Puts failure records back into their queues inside the caller's write transaction, following
 * the enqueue rules: a task already pending, or one with a newer pending version (another hash
 * for the same namespace and path; another event with the same coalesce key), is dropped with
 * its record and not counted; a task that finds its queue full keeps its record. The stored
 * payload moves with {@code INSERT ... SELECT}, never through Java. Not thread-safe: one per call.
 */
final class Requeue {

  private final DSLContext dsl;
  private final int maxQueueSize;
  private final long now;
  private final Map<FailureKind, Long> pending = new EnumMap<>(FailureKind.class);

  Requeue(DSLContext dsl, int maxQueueSize, long now) {
    this.dsl = dsl;
    this.maxQueueSize = maxQueueSize;
    this.now = now;
  }

  int run(List<Long> ids) {
    pending.put(FailureKind.EVENT, (long) dsl.fetchCount(EVENT_QUEUE));
    pending.put(FailureKind.BODY, (long) dsl.fetchCount(BODY_QUEUE));
    int requeued = 0;
    for (List<Long> chunk : QueueQueries.chunks(ids)) {
      for (Record row : dsl.select(FAILURE_RECORD.ID, FAILURE_RECORD.KIND, FAILURE_RECORD.TASK_ID,
              FAILURE_RECORD.PROJECT_UUID, FAILURE_RECORD.FEATURE_SLUG,
              FAILURE_RECORD.TARGET_BRANCH, FAILURE_RECORD.MISSION_KEY,
              FAILURE_RECORD.MANIFEST_VERSION, FAILURE_RECORD.ARTIFACT_PATH,
              FAILURE_RECORD.CONTENT_HASH, FAILURE_RECORD.COALESCE_KEY)
          .from(FAILURE_RECORD).where(FAILURE_RECORD.ID.in(chunk)).orderBy(FAILURE_RECORD.ID)
          .fetch()) {
        requeued += FailureKind.BODY.wireName().equals(row.get(FAILURE_RECORD.KIND))
            ? requeue(row, FailureKind.BODY, bodyPending(row), at -> insertBody(row, at))
            : requeue(row, FailureKind.EVENT, eventPending(row), at -> insertEvent(row, at));
      }
    }
    return requeued;
  }

  /** Whether the same body, or a newer hash of its namespace and path, is pending. */
  private boolean bodyPending(Record row) {
    return dsl.fetchExists(BODY_QUEUE, QueueColumns.BODIES.namespaceIs(namespace(row))
        .and(BODY_QUEUE.ARTIFACT_PATH.eq(row.get(FAILURE_RECORD.ARTIFACT_PATH))));
  }

  private int insertBody(Record row, Field<Long> at) {
    return dsl.insertInto(BODY_QUEUE, BODY_QUEUE.UPLOAD_ID, BODY_QUEUE.PROJECT_UUID,
            BODY_QUEUE.FEATURE_SLUG, BODY_QUEUE.TARGET_BRANCH, BODY_QUEUE.MISSION_KEY,
            BODY_QUEUE.MANIFEST_VERSION, BODY_QUEUE.ARTIFACT_PATH, BODY_QUEUE.CONTENT_HASH,
            BODY_QUEUE.HASH_ALGORITHM, BODY_QUEUE.CONTENT_BODY, BODY_QUEUE.SIZE_BYTES,
            BODY_QUEUE.CREATED_AT, BODY_QUEUE.RETRY_COUNT, BODY_QUEUE.NEXT_ATTEMPT_AT,
            BODY_QUEUE.LEASE_OWNER, BODY_QUEUE.LEASE_UNTIL, BODY_QUEUE.CLAIMED_AT)
        .select(dsl.select(FAILURE_RECORD.TASK_ID, FAILURE_RECORD.PROJECT_UUID,
                FAILURE_RECORD.FEATURE_SLUG, FAILURE_RECORD.TARGET_BRANCH,
                FAILURE_RECORD.MISSION_KEY, FAILURE_RECORD.MANIFEST_VERSION,
                FAILURE_RECORD.ARTIFACT_PATH, FAILURE_RECORD.CONTENT_HASH,
                DSL.inline(BodyUploadTask.HASH_ALGORITHM), FAILURE_RECORD.PAYLOAD,
                DSL.coalesce(FAILURE_RECORD.SIZE_BYTES, DSL.inline(0L)), at, DSL.inline(0), at,
                noOwner(), never(), never())
            .from(FAILURE_RECORD).where(thisRecord(row)))
        .onConflictDoNothing()
        .execute();
  }

  /** Whether the same event, or a newer one with its coalesce key, is pending. */
  private boolean eventPending(Record row) {
    String coalesceKey = row.get(FAILURE_RECORD.COALESCE_KEY);
    return dsl.fetchExists(EVENT_QUEUE,
        EVENT_QUEUE.EVENT_ID.eq(row.get(FAILURE_RECORD.TASK_ID))
            .or(coalesceKey == null ? DSL.falseCondition()
                : EVENT_QUEUE.COALESCE_KEY.eq(coalesceKey)));
  }

  private int insertEvent(Record row, Field<Long> at) {
    return dsl.insertInto(EVENT_QUEUE, EVENT_QUEUE.EVENT_ID, EVENT_QUEUE.EVENT_TYPE,
            EVENT_QUEUE.AGGREGATE_ID, EVENT_QUEUE.PROJECT_UUID, EVENT_QUEUE.FEATURE_SLUG,
            EVENT_QUEUE.TARGET_BRANCH, EVENT_QUEUE.MISSION_KEY, EVENT_QUEUE.MANIFEST_VERSION,
            EVENT_QUEUE.COALESCE_KEY, EVENT_QUEUE.PAYLOAD, EVENT_QUEUE.CREATED_AT,
            EVENT_QUEUE.RETRY_COUNT, EVENT_QUEUE.NEXT_ATTEMPT_AT, EVENT_QUEUE.LEASE_OWNER,
            EVENT_QUEUE.LEASE_UNTIL, EVENT_QUEUE.CLAIMED_AT)
        .select(dsl.select(FAILURE_RECORD.TASK_ID,
                DSL.coalesce(FAILURE_RECORD.EVENT_TYPE, DSL.inline("")),
                DSL.coalesce(FAILURE_RECORD.AGGREGATE_ID, DSL.inline("")),
                FAILURE_RECORD.PROJECT_UUID, FAILURE_RECORD.FEATURE_SLUG,
                FAILURE_RECORD.TARGET_BRANCH, FAILURE_RECORD.MISSION_KEY,
                FAILURE_RECORD.MANIFEST_VERSION, FAILURE_RECORD.COALESCE_KEY,
                FAILURE_RECORD.PAYLOAD, at, DSL.inline(0), at, noOwner(), never(), never())
            .from(FAILURE_RECORD).where(thisRecord(row)))
        .onConflictDoNothing()
        .execute();
  }

  /**
   * The rule both queues share: a record whose task (or a newer one) is pending is dropped; a
   * record whose queue is full stays; otherwise {@code insert} copies it back (given the
   * re-queue time) and the record is deleted.
   *
   * @return how many rows {@code insert} added (0 or 1)
   */
  private int requeue(Record row, FailureKind kind, boolean newerOrSame,
      ToIntFunction<Field<Long>> insert) {
    if (newerOrSame) {
      dropRecord(row);
      return 0;
    }
    if (pending.get(kind) >= maxQueueSize) {
      return 0;
    }
    int inserted = insert.applyAsInt(DSL.val(now));
    pending.merge(kind, (long) inserted, Long::sum);
    dropRecord(row);
    return inserted;
  }

  private void dropRecord(Record row) {
    dsl.deleteFrom(FAILURE_RECORD).where(thisRecord(row)).execute();
  }

  private static Condition thisRecord(Record row) {
    return FAILURE_RECORD.ID.eq(row.get(FAILURE_RECORD.ID));
  }

  private static NamespaceRef namespace(Record row) {
    return new NamespaceRef(row.get(FAILURE_RECORD.PROJECT_UUID),
        row.get(FAILURE_RECORD.FEATURE_SLUG), row.get(FAILURE_RECORD.TARGET_BRANCH),
        row.get(FAILURE_RECORD.MISSION_KEY), row.get(FAILURE_RECORD.MANIFEST_VERSION));
  }

  /** The no-lease owner of a re-queued row ({@link LeaseColumns}). */
  private static Field<String> noOwner() {
    return DSL.inline(LeaseColumns.NO_OWNER);
  }

  /** The no-lease time of a re-queued row ({@link LeaseColumns}). */
  private static Field<Long> never() {
    return DSL.inline(LeaseColumns.NEVER);
  }
}
