package io.dossiersync.sqlite.internal.sql;

import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * The statements both queues run the same way, authored once on {@link QueueColumns} (build time
 * only). Values are named as in {@link Sql}. Immutable.
 */
final class QueueStatements {

  private final QueueColumns q;
  private final DialectRules rules;

  QueueStatements(QueueColumns q, DialectRules rules) {
    this.q = q;
    this.rules = rules;
  }

  /**
   * Leases the oldest ready rows and returns them: {@code UPDATE ... WHERE id IN (SELECT ... LIMIT
   * n) RETURNING ...}, rewriting only the lease columns (of one size: {@link LeaseColumns}).
   *
   * @param inProjects true to keep to the projects of the value {@code projects}
   * @param extra a further condition on the sub-select's alias {@code q}
   * @param returning the columns the claim reads back
   */
  Query claim(
      boolean inProjects,
      Function<QueueColumns, Condition> extra,
      List<? extends SelectField<?>> returning) {
    QueueColumns a = q.as("q");
    Condition rows =
        a.ready()
            .and(inProjects ? rules.inList(a.projectUuid(), "projects") : DSL.noCondition())
            .and(extra.apply(a));
    return DSL.update(q.table())
        .set(q.leaseOwner(), Values.text("owner"))
        .set(q.leaseUntil(), Values.number("until"))
        .set(q.claimedAt(), Values.number("now"))
        .where(
            q.id()
                .in(
                    rules.claimable(
                        DSL.select(a.id())
                            .from(a.table())
                            .where(rows)
                            .orderBy(a.nextAttemptAt(), a.createdAt(), a.id())
                            .limit(Values.integer("limit")))))
        .returningResult(returning);
  }

  /** Deletes the rows of the task ids {@code ids} that {@code owner} holds; returns their ids. */
  Query complete() {
    return DSL.deleteFrom(q.table()).where(fenced()).returningResult(q.taskId());
  }

  /**
   * Drops the lease after a failed attempt: one more retry, due at {@code next}, the error; the
   * lease columns go back to the no-lease values of {@link LeaseColumns}.
   */
  Query reschedule() {
    return DSL.update(q.table())
        .set(q.retryCount(), q.retryCount().plus(DSL.inline(1)))
        .set(q.nextAttemptAt(), Values.number("next"))
        .set(q.lastError(), Values.text("error"))
        .set(q.firstFailedAt(), DSL.coalesce(q.firstFailedAt(), q.claimedAt()))
        .set(q.noLease())
        .where(fenced());
  }

  /** Drops the lease without counting a retry. */
  Query release() {
    return DSL.update(q.table()).set(q.noLease()).where(fenced());
  }

  /**
   * Extends to {@code until} the leases {@code owner} still holds on the task ids {@code ids} (even
   * past their end, as long as nobody claimed them since); returns the ids renewed.
   */
  Query renew() {
    return DSL.update(q.table())
        .set(q.leaseUntil(), Values.number("until"))
        .where(fenced())
        .returningResult(q.taskId());
  }

  /** The rows whose task id is in {@code ids} and whose lease {@code owner} holds. */
  Condition fenced() {
    return rules.inList(q.taskId(), "ids").and(q.leaseOwner().eq(Values.text("owner")));
  }

  ResultQuery<?> pending(boolean inProjects) {
    return DSL.selectCount().from(q.table()).where(scope(inProjects));
  }

  /**
   * The earliest time a row becomes claimable (due time, or lease end if later), then the earliest
   * next attempt time with leases ignored: together they tell a task held by a lease.
   */
  ResultQuery<?> nextDue(boolean inProjects) {
    return DSL.select(DSL.min(q.dueAt()), DSL.min(q.nextAttemptAt()))
        .from(q.table())
        .where(scope(inProjects));
  }

  ResultQuery<?> projects() {
    return DSL.selectDistinct(q.projectUuid()).from(q.table());
  }

  /**
   * An upper bound of the row count with two index lookups: {@code max(id) - min(id) + 1} (NULL for
   * an empty table); a {@code count(*)} walks a whole index.
   */
  ResultQuery<?> rowsBound() {
    Field<Long> max = DSL.field(DSL.select(DSL.max(q.id())).from(q.table()));
    Field<Long> min = DSL.field(DSL.select(DSL.min(q.id())).from(q.table()));
    return DSL.select(max.minus(min).plus(DSL.inline(1L)));
  }

  ResultQuery<?> rowsCount() {
    return DSL.selectCount().from(q.table());
  }

  /** Deletes rows by row id (superseded rows of an enqueue). */
  Query deleteIds() {
    return DSL.deleteFrom(q.table()).where(rules.inList(q.id(), "ids"));
  }

  /** Rows, ready rows, rows in backoff and the oldest creation time, at {@code now}. */
  ResultQuery<?> stats() {
    return DSL.select(
            DSL.count(),
            DSL.count().filterWhere(q.ready()),
            DSL.count().filterWhere(q.nextAttemptAt().gt(Values.number("now"))),
            DSL.min(q.createdAt()))
        .from(q.table());
  }

  ResultQuery<?> purgeCount(boolean byProject) {
    return DSL.selectCount().from(q.table()).where(purgeScope(byProject));
  }

  Query purge(boolean byProject) {
    return DSL.deleteFrom(q.table()).where(purgeScope(byProject));
  }

  private Condition purgeScope(boolean byProject) {
    return byProject
        ? q.projectUuid().eq(Values.text("project"))
        : q.featureSlug().eq(Values.text("feature"));
  }

  private Condition scope(boolean inProjects) {
    return inProjects ? rules.inList(q.projectUuid(), "projects") : DSL.noCondition();
  }
}
