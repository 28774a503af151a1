package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.sqlite.internal.jooq.tables.FailureRecordTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * The requeue half of the {@link FailureRecords#INDEX_EVENT_FAILED} rule of the SQLite store
 * (PRODUCT.md §4.2): requeueing an event's record requeues the body records of the same
 * namespace, path and hash that the drain failed as {@code index_event_failed}. The event's path
 * and hash are those its failure record took from its payload. Runs in the caller's write
 * transaction. Stateless.
 */
final class IndexEventFollowers {

  private IndexEventFollowers() {}

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
