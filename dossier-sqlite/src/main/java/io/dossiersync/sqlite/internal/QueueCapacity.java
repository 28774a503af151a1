package io.dossiersync.sqlite.internal;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * How many rows a queue holds, as far as the capacity check of one enqueue needs to know.
 * {@code count(*)} walks a whole index, so paying it on every enqueue made a sync of many features
 * quadratic in the queue length; the row ids bound the count with two index lookups instead. Runs
 * inside the caller's transaction. Stateless.
 */
final class QueueCapacity {

  private QueueCapacity() {}

  /**
   * The number of pending rows to judge a batch of at most {@code adding} new rows by: the exact
   * count when the batch could fill the queue, else the upper bound {@code max(id) - min(id) + 1}.
   * With the bound, every task of the batch is judged as with the exact count (none can be
   * {@code queue_full}, since even the bound plus the whole batch stays within capacity).
   *
   * @param dsl the transaction's context
   * @param q the queue's columns
   * @param adding the most rows the batch may add
   * @param maxQueueSize the queue's capacity
   * @return a row count that decides every capacity check of the batch as the exact one would
   */
  static long pending(DSLContext dsl, QueueColumns q, int adding, int maxQueueSize) {
    Record2<Long, Long> ids = dsl.select(
            DSL.field(dsl.select(DSL.min(q.id())).from(q.table())),
            DSL.field(dsl.select(DSL.max(q.id())).from(q.table())))
        .fetchSingle();
    if (ids.value1() == null || ids.value2() == null) {
      return 0;
    }
    long bound = ids.value2() - ids.value1() + 1;
    return bound + adding <= maxQueueSize ? bound : dsl.fetchCount(q.table());
  }
}
