package io.dossiersync.sqlite.internal.sql;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.FailureKind;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/** The statements of the body queue alone (build time only). Immutable. */
final class BodyStatements {

  /** Which body a row holds: its upload id, namespace, path and content hash. */
  private static final List<Field<?>> ARTIFACT =
      FieldList.of(
          BODY_QUEUE.UPLOAD_ID,
          QueueColumns.BODIES.namespace(),
          BODY_QUEUE.ARTIFACT_PATH,
          BODY_QUEUE.CONTENT_HASH);

  /** What a body claim reads back: the task, its retries and the claim-order columns. */
  static final List<Field<?>> CLAIMED =
      FieldList.of(
          BODY_QUEUE.ID,
          ARTIFACT,
          BODY_QUEUE.CONTENT_BODY,
          BODY_QUEUE.SIZE_BYTES,
          BODY_QUEUE.CREATED_AT,
          BODY_QUEUE.RETRY_COUNT,
          BODY_QUEUE.NEXT_ATTEMPT_AT);

  /** The columns a new row is given (by an enqueue or a re-queued failure record), in order. */
  static final List<Field<?>> INSERTED =
      FieldList.of(
          ARTIFACT,
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
    return DSL.insertInto(FAILURE_RECORD)
        .columns(
            FieldList.of(
                FailureColumns.TASK,
                FAILURE_RECORD.PAYLOAD,
                FAILURE_RECORD.SIZE_BYTES,
                FailureColumns.OUTCOME))
        .select(
            DSL.select(
                    FieldList.of(
                        DSL.inline(FailureKind.BODY.wireName()),
                        ARTIFACT,
                        BODY_QUEUE.CONTENT_BODY,
                        BODY_QUEUE.SIZE_BYTES,
                        FailureColumns.outcomeOf(QueueColumns.BODIES)))
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
            FieldList.of(
                Values.text("uploadId"),
                Values.namespace(),
                Values.text("path"),
                Values.text("hash"),
                Values.text("algorithm"),
                Values.text("body"),
                Values.number("size"),
                QueueColumns.newRowAt(now)));
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
