package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.sqlite.internal.jooq.tables.FailureRecordTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The {@link FailureRecords#INDEX_EVENT_FAILED} rule of the SQLite store (PRODUCT.md §4.2): when an
 * {@code …ArtifactIndexed} event moves to the failure records, the queued bodies of the same
 * namespace, path and hash follow it in the same transaction; requeueing the event's record
 * requeues them. The event's path and hash are those its failure record took from its payload.
 * Runs in the caller's write transaction. Stateless.
 */
final class IndexEventFollowers {

  private IndexEventFollowers() {}

  /** Moves the bodies waiting for the index entry of the event just recorded as failed. */
  static void moveBodies(DSLContext dsl, String eventId, Instant now) {
    FailureRecordTable e = FAILURE_RECORD.as("e");
    Condition waiting = DSL.exists(DSL.selectOne().from(e).where(
        e.KIND.eq(FailureKind.EVENT.wireName()), e.TASK_ID.eq(eventId),
        e.EVENT_TYPE.like("%ArtifactIndexed"),
        e.PROJECT_UUID.eq(BODY_QUEUE.PROJECT_UUID), e.FEATURE_SLUG.eq(BODY_QUEUE.FEATURE_SLUG),
        e.TARGET_BRANCH.eq(BODY_QUEUE.TARGET_BRANCH), e.MISSION_KEY.eq(BODY_QUEUE.MISSION_KEY),
        e.MANIFEST_VERSION.eq(BODY_QUEUE.MANIFEST_VERSION),
        e.ARTIFACT_PATH.eq(BODY_QUEUE.ARTIFACT_PATH), e.CONTENT_HASH.eq(BODY_QUEUE.CONTENT_HASH)));
    FailureRecordWriter.fromBody(dsl, waiting, FailureRecords.INDEX_EVENT_FAILED, now);
  }

  /** {@code ids} with the body records that followed any event record among them, in order. */
  static List<Long> withFollowers(DSLContext dsl, Collection<Long> ids) {
    FailureRecordTable e = FAILURE_RECORD.as("e");
    FailureRecordTable b = FAILURE_RECORD.as("b");
    Set<Long> followers = new TreeSet<>(dsl.select(b.ID).from(b).join(e).on(
        e.ID.in(ids), e.KIND.eq(FailureKind.EVENT.wireName()),
        b.KIND.eq(FailureKind.BODY.wireName()), b.REASON.eq(FailureRecords.INDEX_EVENT_FAILED),
        b.PROJECT_UUID.eq(e.PROJECT_UUID), b.FEATURE_SLUG.eq(e.FEATURE_SLUG),
        b.TARGET_BRANCH.eq(e.TARGET_BRANCH), b.MISSION_KEY.eq(e.MISSION_KEY),
        b.MANIFEST_VERSION.eq(e.MANIFEST_VERSION), b.ARTIFACT_PATH.eq(e.ARTIFACT_PATH),
        b.CONTENT_HASH.eq(e.CONTENT_HASH)).fetch(b.ID));
    List<Long> all = new ArrayList<>(ids);
    followers.stream().filter(id -> !all.contains(id)).forEach(all::add);
    return all;
  }
}
