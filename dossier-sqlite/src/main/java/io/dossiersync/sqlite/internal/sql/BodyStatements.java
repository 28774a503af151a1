package io.dossiersync.sqlite.internal.sql;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.FailureKind;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/** The statements of the body queue alone (build time only). Immutable. */
final class BodyStatements {

  /** What a body claim reads back: the task, its retries and the claim-order columns. */
  static final List<SelectField<?>> CLAIMED =
      List.of(
          BODY_QUEUE.ID,
          BODY_QUEUE.UPLOAD_ID,
          BODY_QUEUE.PROJECT_UUID,
          BODY_QUEUE.FEATURE_SLUG,
          BODY_QUEUE.TARGET_BRANCH,
          BODY_QUEUE.MISSION_KEY,
          BODY_QUEUE.MANIFEST_VERSION,
          BODY_QUEUE.ARTIFACT_PATH,
          BODY_QUEUE.CONTENT_HASH,
          BODY_QUEUE.CONTENT_BODY,
          BODY_QUEUE.SIZE_BYTES,
          BODY_QUEUE.CREATED_AT,
          BODY_QUEUE.RETRY_COUNT,
          BODY_QUEUE.NEXT_ATTEMPT_AT);

  /** The columns a new row is given (by an enqueue or a re-queued failure record), in order. */
  static final List<Field<?>> INSERTED =
      List.of(
          BODY_QUEUE.UPLOAD_ID,
          BODY_QUEUE.PROJECT_UUID,
          BODY_QUEUE.FEATURE_SLUG,
          BODY_QUEUE.TARGET_BRANCH,
          BODY_QUEUE.MISSION_KEY,
          BODY_QUEUE.MANIFEST_VERSION,
          BODY_QUEUE.ARTIFACT_PATH,
          BODY_QUEUE.CONTENT_HASH,
          BODY_QUEUE.HASH_ALGORITHM,
          BODY_QUEUE.CONTENT_BODY,
          BODY_QUEUE.SIZE_BYTES,
          BODY_QUEUE.CREATED_AT,
          BODY_QUEUE.RETRY_COUNT,
          BODY_QUEUE.NEXT_ATTEMPT_AT,
          BODY_QUEUE.LEASE_OWNER,
          BODY_QUEUE.LEASE_UNTIL,
          BODY_QUEUE.CLAIMED_AT);

  private final QueueStatements queue;

  BodyStatements(DialectRules rules) {
    this.queue = new QueueStatements(QueueColumns.BODIES, rules);
  }

  QueueStatements queue() {
    return queue;
  }

  /** A body claim; {@code hold} keeps back bodies whose namespace still has a queued event. */
  Query claim(boolean inProjects, boolean hold) {
    return queue.claim(
        inProjects,
        q ->
            hold
                ? DSL.notExists(
                    DSL.selectOne()
                        .from(QueueColumns.EVENTS.as("e").table())
                        .where(QueueColumns.EVENTS.as("e").sameNamespace(q)))
                : DSL.noCondition(),
        CLAIMED);
  }

  /**
   * Copies the fenced body into the failure records ({@code INSERT ... SELECT}, the body never
   * passes through Java); {@link QueueStatements#complete} then deletes it.
   */
  Query fail() {
    Field<Long> at = Values.number("now");
    return DSL.insertInto(
            FAILURE_RECORD,
            FAILURE_RECORD.KIND,
            FAILURE_RECORD.TASK_ID,
            FAILURE_RECORD.PROJECT_UUID,
            FAILURE_RECORD.FEATURE_SLUG,
            FAILURE_RECORD.TARGET_BRANCH,
            FAILURE_RECORD.MISSION_KEY,
            FAILURE_RECORD.MANIFEST_VERSION,
            FAILURE_RECORD.ARTIFACT_PATH,
            FAILURE_RECORD.CONTENT_HASH,
            FAILURE_RECORD.PAYLOAD,
            FAILURE_RECORD.SIZE_BYTES,
            FAILURE_RECORD.REASON,
            FAILURE_RECORD.ATTEMPTS,
            FAILURE_RECORD.FIRST_FAILED_AT,
            FAILURE_RECORD.LAST_FAILED_AT)
        .select(
            DSL.select(
                    DSL.inline(FailureKind.BODY.wireName()),
                    BODY_QUEUE.UPLOAD_ID,
                    BODY_QUEUE.PROJECT_UUID,
                    BODY_QUEUE.FEATURE_SLUG,
                    BODY_QUEUE.TARGET_BRANCH,
                    BODY_QUEUE.MISSION_KEY,
                    BODY_QUEUE.MANIFEST_VERSION,
                    BODY_QUEUE.ARTIFACT_PATH,
                    BODY_QUEUE.CONTENT_HASH,
                    BODY_QUEUE.CONTENT_BODY,
                    BODY_QUEUE.SIZE_BYTES,
                    Values.text("reason"),
                    BODY_QUEUE.RETRY_COUNT.plus(DSL.inline(1)),
                    DSL.coalesce(BODY_QUEUE.FIRST_FAILED_AT, at),
                    at)
                .from(BODY_QUEUE)
                .where(queue.fenced()));
  }

  /**
   * The keys (not the bodies) of the pending versions of some paths of one namespace: an index
   * range of the unique key per path.
   */
  ResultQuery<?> pendingPaths(DialectRules rules) {
    Condition paths =
        QueueColumns.BODIES
            .namespaceIsValues()
            .and(rules.inList(BODY_QUEUE.ARTIFACT_PATH, "paths"));
    return DSL.select(BODY_QUEUE.ID, BODY_QUEUE.ARTIFACT_PATH, BODY_QUEUE.CONTENT_HASH)
        .from(BODY_QUEUE)
        .where(paths);
  }

  /** A new row, with the no-lease values of {@link LeaseColumns}. */
  Query insert() {
    Field<Long> now = Values.number("now");
    return DSL.insertInto(BODY_QUEUE)
        .columns(INSERTED)
        .values(
            Values.text("uploadId"),
            Values.text("project"),
            Values.text("feature"),
            Values.text("branch"),
            Values.text("mission"),
            Values.text("manifest"),
            Values.text("path"),
            Values.text("hash"),
            Values.text("algorithm"),
            Values.text("body"),
            Values.number("size"),
            now,
            DSL.inline(0),
            now,
            DSL.inline(LeaseColumns.NO_OWNER),
            DSL.inline(LeaseColumns.NEVER),
            DSL.inline(LeaseColumns.NEVER));
  }

  ResultQuery<?> retries() {
    return DSL.select(BODY_QUEUE.RETRY_COUNT, DSL.count())
        .from(BODY_QUEUE)
        .groupBy(BODY_QUEUE.RETRY_COUNT);
  }

  ResultQuery<?> features() {
    return DSL.select(BODY_QUEUE.FEATURE_SLUG, DSL.count())
        .from(BODY_QUEUE)
        .groupBy(BODY_QUEUE.FEATURE_SLUG);
  }
}
