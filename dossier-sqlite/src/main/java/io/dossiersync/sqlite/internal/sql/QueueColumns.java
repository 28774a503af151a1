package io.dossiersync.sqlite.internal.sql;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The columns that the event queue and the body queue share, so that readiness, scope, order,
 * fencing and namespace conditions are authored once for both tables (build time only: the runtime
 * reads the rendered text). Immutable.
 */
record QueueColumns(
    Table<?> table,
    Field<Long> id,
    Field<String> taskId,
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

  static final QueueColumns EVENTS =
      new QueueColumns(
          EVENT_QUEUE,
          EVENT_QUEUE.ID,
          EVENT_QUEUE.EVENT_ID,
          EVENT_QUEUE.PROJECT_UUID,
          EVENT_QUEUE.FEATURE_SLUG,
          EVENT_QUEUE.TARGET_BRANCH,
          EVENT_QUEUE.MISSION_KEY,
          EVENT_QUEUE.MANIFEST_VERSION,
          EVENT_QUEUE.CREATED_AT,
          EVENT_QUEUE.RETRY_COUNT,
          EVENT_QUEUE.NEXT_ATTEMPT_AT,
          EVENT_QUEUE.LAST_ERROR,
          EVENT_QUEUE.LEASE_OWNER,
          EVENT_QUEUE.LEASE_UNTIL,
          EVENT_QUEUE.CLAIMED_AT,
          EVENT_QUEUE.FIRST_FAILED_AT);

  static final QueueColumns BODIES =
      new QueueColumns(
          BODY_QUEUE,
          BODY_QUEUE.ID,
          BODY_QUEUE.UPLOAD_ID,
          BODY_QUEUE.PROJECT_UUID,
          BODY_QUEUE.FEATURE_SLUG,
          BODY_QUEUE.TARGET_BRANCH,
          BODY_QUEUE.MISSION_KEY,
          BODY_QUEUE.MANIFEST_VERSION,
          BODY_QUEUE.CREATED_AT,
          BODY_QUEUE.RETRY_COUNT,
          BODY_QUEUE.NEXT_ATTEMPT_AT,
          BODY_QUEUE.LAST_ERROR,
          BODY_QUEUE.LEASE_OWNER,
          BODY_QUEUE.LEASE_UNTIL,
          BODY_QUEUE.CLAIMED_AT,
          BODY_QUEUE.FIRST_FAILED_AT);

  /** The same columns on an alias of the table, e.g. {@code q} in a claim's sub-select. */
  QueueColumns as(String alias) {
    Table<?> t = table.as(alias);
    return new QueueColumns(
        t,
        t.field(id),
        t.field(taskId),
        t.field(projectUuid),
        t.field(featureSlug),
        t.field(targetBranch),
        t.field(missionKey),
        t.field(manifestVersion),
        t.field(createdAt),
        t.field(retryCount),
        t.field(nextAttemptAt),
        t.field(lastError),
        t.field(leaseOwner),
        t.field(leaseUntil),
        t.field(claimedAt),
        t.field(firstFailedAt));
  }

  /** The five namespace columns, in the order every statement lists them. */
  List<Field<String>> namespace() {
    return List.of(projectUuid, featureSlug, targetBranch, missionKey, manifestVersion);
  }

  /**
   * The assignments that give a row the no-lease values of {@link LeaseColumns} (owner, lease end,
   * claim time, in that order), for the {@code SET} of a statement that drops a lease.
   */
  Map<Field<?>, Field<?>> noLease() {
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    set.put(leaseOwner, DSL.inline(LeaseColumns.NO_OWNER));
    set.put(leaseUntil, DSL.inline(LeaseColumns.NEVER));
    set.put(claimedAt, DSL.inline(LeaseColumns.NEVER));
    return set;
  }

  /**
   * The values of a new row created at {@code at}, for the tail of each queue's inserted columns:
   * created and due at {@code at}, no retries, and the no-lease values of {@link LeaseColumns}.
   */
  static List<Field<?>> newRowAt(Field<Long> at) {
    return List.of(
        at,
        DSL.inline(0),
        at,
        DSL.inline(LeaseColumns.NO_OWNER),
        DSL.inline(LeaseColumns.NEVER),
        DSL.inline(LeaseColumns.NEVER));
  }

  /** Rows of the namespace given by the values {@code project} ... {@code manifest}. */
  Condition namespaceIsValues() {
    return projectUuid
        .eq(Values.text("project"))
        .and(featureSlug.eq(Values.text("feature")))
        .and(targetBranch.eq(Values.text("branch")))
        .and(missionKey.eq(Values.text("mission")))
        .and(manifestVersion.eq(Values.text("manifest")));
  }

  /** Rows of the same namespace as another table's row. */
  Condition sameNamespace(QueueColumns other) {
    return projectUuid
        .eq(other.projectUuid)
        .and(featureSlug.eq(other.featureSlug))
        .and(targetBranch.eq(other.targetBranch))
        .and(missionKey.eq(other.missionKey))
        .and(manifestVersion.eq(other.manifestVersion));
  }

  /**
   * The readiness rule of both queues, for the claim and the stats alike: due at {@code now}, and
   * no lease or an expired one (a row no claim holds has an expired one, {@link LeaseColumns}).
   */
  Condition ready() {
    Param<Long> now = Values.number("now");
    return nextAttemptAt.le(now).and(leaseOwner.isNull().or(leaseUntil.le(now)));
  }

  /** When a row becomes claimable: its due time, or its lease expiry when that is later. */
  Field<Long> dueAt() {
    return DSL.greatest(nextAttemptAt, DSL.coalesce(leaseUntil, nextAttemptAt));
  }
}
