package io.dossiersync.sqlite.internal.sql;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.sqlite.internal.jooq.tables.FailureRecordTable;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The statements of the failure records: listing, and re-queueing with {@code INSERT ... SELECT} so
 * the stored payload never passes through Java (build time only). Immutable.
 */
final class FailureStatements {

  private final DialectRules rules;

  FailureStatements(DialectRules rules) {
    this.rules = rules;
  }

  ResultQuery<?> count() {
    return DSL.selectCount().from(FAILURE_RECORD);
  }

  /** The oldest {@code limit} records, without their payloads. */
  ResultQuery<?> list() {
    return DSL.select(
            FAILURE_RECORD.ID,
            FAILURE_RECORD.KIND,
            FAILURE_RECORD.PROJECT_UUID,
            FAILURE_RECORD.FEATURE_SLUG,
            FAILURE_RECORD.ARTIFACT_PATH,
            FAILURE_RECORD.CONTENT_HASH,
            FAILURE_RECORD.REASON,
            FAILURE_RECORD.ATTEMPTS,
            FAILURE_RECORD.FIRST_FAILED_AT,
            FAILURE_RECORD.LAST_FAILED_AT)
        .from(FAILURE_RECORD)
        .orderBy(FAILURE_RECORD.FIRST_FAILED_AT, FAILURE_RECORD.ID)
        .limit(Values.integer("limit"));
  }

  ResultQuery<?> ids() {
    return DSL.select(FAILURE_RECORD.ID).from(FAILURE_RECORD).orderBy(FAILURE_RECORD.ID);
  }

  /** The keys of the records {@code ids}, oldest first. */
  ResultQuery<?> rows() {
    return DSL.select(
            FieldList.of(FAILURE_RECORD.ID, FailureColumns.TASK, FAILURE_RECORD.COALESCE_KEY))
        .from(FAILURE_RECORD)
        .where(rules.inList(FAILURE_RECORD.ID, "ids"))
        .orderBy(FAILURE_RECORD.ID);
  }

  /** Whether a body of the namespace and {@code path} (any hash) is pending. */
  ResultQuery<?> bodyPending() {
    return DSL.selectOne()
        .from(BODY_QUEUE)
        .where(
            QueueColumns.BODIES
                .namespaceIsValues()
                .and(BODY_QUEUE.ARTIFACT_PATH.eq(Values.text("path"))))
        .limit(DSL.inline(1));
  }

  /** Copies record {@code id} back into the body queue, unless its task is there already. */
  Query requeueBody() {
    return requeueInto(
        BODY_QUEUE,
        BodyStatements.INSERTED,
        FAILURE_RECORD.TASK_ID,
        FailureColumns.ARTIFACT,
        DSL.inline(BodyUploadTask.HASH_ALGORITHM),
        FAILURE_RECORD.PAYLOAD,
        DSL.coalesce(FAILURE_RECORD.SIZE_BYTES, DSL.inline(0L)));
  }

  /**
   * Whether event {@code eventId}, or one with the coalesce key {@code coalesceKey}, is pending.
   */
  ResultQuery<?> eventPending() {
    return DSL.selectOne()
        .from(EVENT_QUEUE)
        .where(
            EVENT_QUEUE
                .EVENT_ID
                .eq(Values.text("eventId"))
                .or(EVENT_QUEUE.COALESCE_KEY.eq(Values.text("coalesceKey"))))
        .limit(DSL.inline(1));
  }

  /** Copies record {@code id} back into the event queue, unless its event is there already. */
  Query requeueEvent() {
    return requeueInto(
        EVENT_QUEUE,
        EventStatements.INSERTED,
        FAILURE_RECORD.TASK_ID,
        DSL.coalesce(FAILURE_RECORD.EVENT_TYPE, DSL.inline("")),
        DSL.coalesce(FAILURE_RECORD.AGGREGATE_ID, DSL.inline("")),
        FailureColumns.NAMESPACE,
        FAILURE_RECORD.COALESCE_KEY,
        rules.textOf(FAILURE_RECORD.PAYLOAD));
  }

  /**
   * Inserts record {@code id} into a queue table as a new row (the record's values, then the
   * new-row values at {@code now}), or does nothing when the row's unique key is there already.
   */
  private static <R extends Record> Query requeueInto(
      Table<R> queue, List<Field<?>> columns, Object... recordValues) {
    Field<Long> now = Values.number("now");
    return DSL.insertInto(queue)
        .columns(columns)
        .select(
            DSL.select(FieldList.of(FieldList.of(recordValues), QueueColumns.newRowAt(now)))
                .from(FAILURE_RECORD)
                .where(thisRecord()))
        .onConflictDoNothing();
  }

  /**
   * The ids of the body records failed as {@code index_event_failed} whose namespace, path and hash
   * are those of an event record among {@code ids} (the requeue half of PRODUCT.md §4.2's rule:
   * requeueing the event's record brings its bodies back).
   */
  ResultQuery<?> indexFollowers() {
    FailureRecordTable e = FAILURE_RECORD.as("e");
    FailureRecordTable b = FAILURE_RECORD.as("b");
    return DSL.selectDistinct(b.ID)
        .from(b)
        .join(e)
        .on(
            e.KIND.eq(DSL.inline(FailureKind.EVENT.wireName())),
            b.KIND.eq(DSL.inline(FailureKind.BODY.wireName())),
            b.REASON.eq(DSL.inline(FailureRecords.INDEX_EVENT_FAILED)),
            FailureColumns.sameArtifact(b, e))
        .where(rules.inList(e.ID, "ids"))
        .orderBy(b.ID);
  }

  /**
   * The namespace, path and hash of each {@code …ArtifactIndexed} event record that has both, with
   * its latest failure time: the drain fails the queued bodies they announce as {@code
   * index_event_failed} (PRODUCT.md §4.2), in every process.
   */
  ResultQuery<?> indexEvents() {
    return DSL.select(FieldList.of(FailureColumns.ARTIFACT, DSL.max(FAILURE_RECORD.LAST_FAILED_AT)))
        .from(FAILURE_RECORD)
        .where(
            FAILURE_RECORD.KIND.eq(DSL.inline(FailureKind.EVENT.wireName())),
            FAILURE_RECORD.EVENT_TYPE.like(DSL.inline("%ArtifactIndexed")),
            FAILURE_RECORD.ARTIFACT_PATH.isNotNull(),
            FAILURE_RECORD.CONTENT_HASH.isNotNull())
        .groupBy(FailureColumns.ARTIFACT);
  }

  Query delete() {
    return DSL.deleteFrom(FAILURE_RECORD).where(thisRecord());
  }

  private static Condition thisRecord() {
    return FAILURE_RECORD.ID.eq(Values.number("id"));
  }
}
