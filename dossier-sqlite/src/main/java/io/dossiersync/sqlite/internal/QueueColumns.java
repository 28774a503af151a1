package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ProjectScope;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The columns that the event queue and the body queue share, so that readiness, scope, order and
 * namespace conditions are written once for both tables. Immutable.
 */
record QueueColumns(
    Table<?> table,
    Field<Long> id,
    Field<String> projectUuid,
    Field<String> featureSlug,
    Field<String> targetBranch,
    Field<String> missionKey,
    Field<String> manifestVersion,
    Field<Long> createdAt,
    Field<Integer> retryCount,
    Field<Long> nextAttemptAt,
    Field<String> lastError,
    Field<String> leaseOwner,
    Field<Long> leaseUntil,
    Field<Long> claimedAt,
    Field<Long> firstFailedAt) {

  static final QueueColumns EVENTS = new QueueColumns(EVENT_QUEUE, EVENT_QUEUE.ID,
      EVENT_QUEUE.PROJECT_UUID, EVENT_QUEUE.FEATURE_SLUG, EVENT_QUEUE.TARGET_BRANCH,
      EVENT_QUEUE.MISSION_KEY, EVENT_QUEUE.MANIFEST_VERSION, EVENT_QUEUE.CREATED_AT,
      EVENT_QUEUE.RETRY_COUNT, EVENT_QUEUE.NEXT_ATTEMPT_AT, EVENT_QUEUE.LAST_ERROR,
      EVENT_QUEUE.LEASE_OWNER, EVENT_QUEUE.LEASE_UNTIL, EVENT_QUEUE.CLAIMED_AT,
      EVENT_QUEUE.FIRST_FAILED_AT);

  static final QueueColumns BODIES = new QueueColumns(BODY_QUEUE, BODY_QUEUE.ID,
      BODY_QUEUE.PROJECT_UUID, BODY_QUEUE.FEATURE_SLUG, BODY_QUEUE.TARGET_BRANCH,
      BODY_QUEUE.MISSION_KEY, BODY_QUEUE.MANIFEST_VERSION, BODY_QUEUE.CREATED_AT,
      BODY_QUEUE.RETRY_COUNT, BODY_QUEUE.NEXT_ATTEMPT_AT, BODY_QUEUE.LAST_ERROR,
      BODY_QUEUE.LEASE_OWNER, BODY_QUEUE.LEASE_UNTIL, BODY_QUEUE.CLAIMED_AT,
      BODY_QUEUE.FIRST_FAILED_AT);

  List<Field<String>> namespace() {
    return List.of(projectUuid, featureSlug, targetBranch, missionKey, manifestVersion);
  }

  /** Rows of exactly this namespace. */
  Condition namespaceIs(NamespaceRef ns) {
    return projectUuid.eq(ns.projectUuid()).and(featureSlug.eq(ns.featureSlug()))
        .and(targetBranch.eq(ns.targetBranch())).and(missionKey.eq(ns.missionKey()))
        .and(manifestVersion.eq(ns.manifestVersion()));
  }

  Condition inScope(ProjectScope scope) {
    return scope.projects().map(projectUuid::in).orElse(DSL.trueCondition());
  }

  /** Claimable at {@code now}: the claim's own readiness rule ({@link DrainSql#ready}). */
  Condition ready(long now) {
    return DSL.condition(DrainSql.ready(table.getName()), now, now);
  }

  /** When a row becomes claimable: its due time, or its lease expiry when that is later. */
  Field<Long> dueAt() {
    return DSL.greatest(nextAttemptAt, DSL.coalesce(leaseUntil, nextAttemptAt));
  }
}
