package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.ProjectScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The queries that both queues run the same way, on {@link QueueColumns}. Stateless. */
final class QueueQueries {

  /** Ids per statement, far below SQLite's bind limit. */
  static final int CHUNK = 500;

  private QueueQueries() {}

  static long pending(DSLContext dsl, QueueColumns q, ProjectScope scope) {
    if (scope.isEmpty()) {
      return 0;
    }
    return dsl.fetchCount(q.table(), q.inScope(scope));
  }

  /** The earliest time a task in scope becomes claimable: due time, or lease end if later. */
  static Optional<Instant> nextDue(DSLContext dsl, QueueColumns q, ProjectScope scope) {
    return earliest(dsl, q, scope, q.dueAt());
  }

  /** The earliest next attempt time in scope, leases ignored. */
  static Optional<Instant> nextAttempt(DSLContext dsl, QueueColumns q, ProjectScope scope) {
    return earliest(dsl, q, scope, q.nextAttemptAt());
  }

  private static Optional<Instant> earliest(
      DSLContext dsl, QueueColumns q, ProjectScope scope, Field<Long> time) {
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    Long earliest = dsl.select(DSL.min(time)).from(q.table()).where(q.inScope(scope))
        .fetchOne(0, Long.class);
    return Optional.ofNullable(earliest).map(Millis::toInstant);
  }

  static SortedSet<String> projects(DSLContext dsl, QueueColumns q) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(
        dsl.selectDistinct(q.projectUuid()).from(q.table()).fetch(q.projectUuid())));
  }

  /**
   * Drops the lease after a failed attempt: one more retry, a new due time, the error; the lease
   * columns go back to the no-lease values of {@link LeaseColumns}.
   */
  static int reschedule(DSLContext dsl, QueueColumns q, Condition fenced, Instant next,
      String lastError) {
    return dsl.update(q.table())
        .set(q.retryCount(), q.retryCount().plus(1))
        .set(q.nextAttemptAt(), Millis.of(next))
        .set(q.lastError(), lastError)
        .set(q.firstFailedAt(), DSL.coalesce(q.firstFailedAt(), q.claimedAt()))
        .set(q.leaseOwner(), LeaseColumns.NO_OWNER)
        .set(q.leaseUntil(), LeaseColumns.NEVER)
        .set(q.claimedAt(), LeaseColumns.NEVER)
        .where(fenced)
        .execute();
  }

  /** Drops the lease without counting a retry (back to the no-lease values of {@link LeaseColumns}). */
  static int release(DSLContext dsl, QueueColumns q, Condition fenced) {
    return dsl.update(q.table())
        .set(q.leaseOwner(), LeaseColumns.NO_OWNER)
        .set(q.leaseUntil(), LeaseColumns.NEVER)
        .set(q.claimedAt(), LeaseColumns.NEVER)
        .where(fenced)
        .execute();
  }

  static <T> List<List<T>> chunks(List<T> items) {
    return chunks(items, CHUNK);
  }

  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return chunks;
  }

  static Field<Long> millis(Instant instant) {
    return DSL.val(Millis.of(instant));
  }
}
