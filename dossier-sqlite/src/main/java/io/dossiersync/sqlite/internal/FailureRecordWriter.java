package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.FailureKind;
import java.time.Instant;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Moves a leased task into the failure records with {@code INSERT ... SELECT} then {@code
 * DELETE}, inside the caller's write transaction, so the body never passes through Java and the
 * move is all or nothing. Stateless.
 */
final class FailureRecordWriter {

  private FailureRecordWriter() {}

  /**
   * Moves the body task matching {@code fenced}.
   *
   * @return false when no row matched (the lease was lost)
   */
  static boolean fromBody(DSLContext dsl, Condition fenced, String reason, Instant now) {
    Field<Long> at = QueueQueries.millis(now);
    int moved = dsl.insertInto(FAILURE_RECORD, FAILURE_RECORD.KIND, FAILURE_RECORD.TASK_ID,
            FAILURE_RECORD.PROJECT_UUID, FAILURE_RECORD.FEATURE_SLUG, FAILURE_RECORD.TARGET_BRANCH,
            FAILURE_RECORD.MISSION_KEY, FAILURE_RECORD.MANIFEST_VERSION,
            FAILURE_RECORD.ARTIFACT_PATH, FAILURE_RECORD.CONTENT_HASH, FAILURE_RECORD.PAYLOAD,
            FAILURE_RECORD.SIZE_BYTES, FAILURE_RECORD.REASON, FAILURE_RECORD.ATTEMPTS,
            FAILURE_RECORD.FIRST_FAILED_AT, FAILURE_RECORD.LAST_FAILED_AT)
        .select(dsl.select(DSL.inline(FailureKind.BODY.wireName()), BODY_QUEUE.UPLOAD_ID,
                BODY_QUEUE.PROJECT_UUID, BODY_QUEUE.FEATURE_SLUG, BODY_QUEUE.TARGET_BRANCH,
                BODY_QUEUE.MISSION_KEY, BODY_QUEUE.MANIFEST_VERSION, BODY_QUEUE.ARTIFACT_PATH,
                BODY_QUEUE.CONTENT_HASH, BODY_QUEUE.CONTENT_BODY, BODY_QUEUE.SIZE_BYTES,
                DSL.val(reason), BODY_QUEUE.RETRY_COUNT.plus(1),
                DSL.coalesce(BODY_QUEUE.FIRST_FAILED_AT, at), at)
            .from(BODY_QUEUE).where(fenced))
        .execute();
    return moved > 0 && dsl.deleteFrom(BODY_QUEUE).where(fenced).execute() > 0;
  }

  /**
   * Moves the event matching {@code fenced}; the artifact path and hash of the failure record
   * come from the event payload's {@code relative_path} and {@code content_hash_sha256}, if any.
   *
   * @return false when no row matched (the lease was lost)
   */
  static boolean fromEvent(DSLContext dsl, Condition fenced, String reason, Instant now) {
    Field<Long> at = QueueQueries.millis(now);
    int moved = dsl.insertInto(FAILURE_RECORD, FAILURE_RECORD.KIND, FAILURE_RECORD.TASK_ID,
            FAILURE_RECORD.PROJECT_UUID, FAILURE_RECORD.FEATURE_SLUG, FAILURE_RECORD.TARGET_BRANCH,
            FAILURE_RECORD.MISSION_KEY, FAILURE_RECORD.MANIFEST_VERSION,
            FAILURE_RECORD.ARTIFACT_PATH, FAILURE_RECORD.CONTENT_HASH, FAILURE_RECORD.EVENT_TYPE,
            FAILURE_RECORD.AGGREGATE_ID, FAILURE_RECORD.COALESCE_KEY, FAILURE_RECORD.PAYLOAD,
            FAILURE_RECORD.REASON, FAILURE_RECORD.ATTEMPTS, FAILURE_RECORD.FIRST_FAILED_AT,
            FAILURE_RECORD.LAST_FAILED_AT)
        .select(dsl.select(DSL.inline(FailureKind.EVENT.wireName()), EVENT_QUEUE.EVENT_ID,
                EVENT_QUEUE.PROJECT_UUID, EVENT_QUEUE.FEATURE_SLUG, EVENT_QUEUE.TARGET_BRANCH,
                EVENT_QUEUE.MISSION_KEY, EVENT_QUEUE.MANIFEST_VERSION,
                payloadText("$.payload.relative_path"),
                payloadText("$.payload.content_hash_sha256"), EVENT_QUEUE.EVENT_TYPE,
                EVENT_QUEUE.AGGREGATE_ID, EVENT_QUEUE.COALESCE_KEY, EVENT_QUEUE.PAYLOAD,
                DSL.val(reason), EVENT_QUEUE.RETRY_COUNT.plus(1),
                DSL.coalesce(EVENT_QUEUE.FIRST_FAILED_AT, at), at)
            .from(EVENT_QUEUE).where(fenced))
        .execute();
    return moved > 0 && dsl.deleteFrom(EVENT_QUEUE).where(fenced).execute() > 0;
  }

  /** A text member of the event JSON, or NULL when absent or the JSON is malformed. */
  private static Field<String> payloadText(String jsonPath) {
    Field<String> value = DSL.field("json_extract({0}, {1})", String.class,
        EVENT_QUEUE.PAYLOAD, DSL.inline(jsonPath));
    return DSL.when(DSL.condition("json_valid({0})", EVENT_QUEUE.PAYLOAD), value)
        .otherwise(DSL.castNull(String.class));
  }
}
