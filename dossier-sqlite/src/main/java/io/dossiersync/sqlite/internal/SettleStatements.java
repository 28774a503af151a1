package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * The statements that apply a drainer's decisions on the tasks it holds (complete, reschedule,
 * release, renew), authored once with jOOQ's DSL over the generated schema and rendered once into
 * constant SQL for plain JDBC prepared statements (STYLE rule 17). Every statement is fenced by
 * the task's key and the token of its lease owner ({@link LeaseColumns}); its last two
 * parameters are always {@code (key, owner token)}. Immutable.
 *
 * @param complete {@code DELETE} of a held task
 * @param reschedule one more retry, a new due time {@code (?1)} and error {@code (?2)}, lease dropped
 * @param release the lease dropped, nothing else changed
 * @param renew the lease extended to {@code (?1)}, the owner unchanged
 */
record SettleStatements(String complete, String reschedule, String release, String renew) {

  /** The body queue's statements, fenced by {@code upload_id}. */
  static final SettleStatements BODIES = of(QueueColumns.BODIES, BODY_QUEUE.UPLOAD_ID);
  /** The event queue's statements, fenced by {@code event_id}. */
  static final SettleStatements EVENTS = of(QueueColumns.EVENTS, EVENT_QUEUE.EVENT_ID);

  private static SettleStatements of(QueueColumns q, Field<String> key) {
    DSLContext dsl = DSL.using(SQLDialect.SQLITE);
    Condition fenced = key.eq(DSL.param("key", String.class))
        .and(q.leaseOwner().eq(DSL.param("owner", String.class)));
    String complete = dsl.deleteFrom(q.table()).where(fenced).getSQL(ParamType.INDEXED);
    String reschedule = dsl.update(q.table())
        .set(q.retryCount(), q.retryCount().plus(DSL.inline(1)))
        .set(q.nextAttemptAt(), DSL.param("next", Long.class))
        .set(q.lastError(), DSL.param("error", String.class))
        .set(q.firstFailedAt(), DSL.coalesce(q.firstFailedAt(), q.claimedAt()))
        .set(q.leaseOwner(), DSL.inline(LeaseColumns.NO_OWNER))
        .set(q.leaseUntil(), DSL.inline(LeaseColumns.NEVER))
        .set(q.claimedAt(), DSL.inline(LeaseColumns.NEVER))
        .where(fenced)
        .getSQL(ParamType.INDEXED);
    String release = dsl.update(q.table())
        .set(q.leaseOwner(), DSL.inline(LeaseColumns.NO_OWNER))
        .set(q.leaseUntil(), DSL.inline(LeaseColumns.NEVER))
        .set(q.claimedAt(), DSL.inline(LeaseColumns.NEVER))
        .where(fenced)
        .getSQL(ParamType.INDEXED);
    String renew = dsl.update(q.table())
        .set(q.leaseUntil(), DSL.param("until", Long.class))
        .where(fenced)
        .getSQL(ParamType.INDEXED);
    return new SettleStatements(complete, reschedule, release, renew);
  }
}
