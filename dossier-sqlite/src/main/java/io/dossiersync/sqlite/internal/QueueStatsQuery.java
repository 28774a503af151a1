package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.BodyQueueStats;
import io.dossiersync.core.queue.EventQueueStats;
import io.dossiersync.core.queue.QueueStats;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/** Queue statistics from SQL aggregates; no task row is loaded. Stateless. */
final class QueueStatsQuery {

  private QueueStatsQuery() {}

  static QueueStats run(DSLContext dsl, long now) {
    Record4<Integer, Integer, Integer, Long> events = counts(dsl, QueueColumns.EVENTS, now);
    Record4<Integer, Integer, Integer, Long> bodies = counts(dsl, QueueColumns.BODIES, now);
    Optional<Duration> oldestAge = Optional.ofNullable(bodies.value4())
        .map(oldest -> Duration.ofMillis(Math.max(0, now - oldest)));
    SortedMap<Integer, Long> retries = new TreeMap<>();
    dsl.select(BODY_QUEUE.RETRY_COUNT, DSL.count()).from(BODY_QUEUE)
        .groupBy(BODY_QUEUE.RETRY_COUNT)
        .forEach(row -> retries.put(row.value1(), row.value2().longValue()));
    SortedMap<String, Long> byFeature = new TreeMap<>();
    dsl.select(BODY_QUEUE.FEATURE_SLUG, DSL.count()).from(BODY_QUEUE)
        .groupBy(BODY_QUEUE.FEATURE_SLUG)
        .forEach(row -> byFeature.put(row.value1(), row.value2().longValue()));
    return new QueueStats(
        new EventQueueStats(events.value1(), events.value2(), events.value3()),
        new BodyQueueStats(bodies.value1(), bodies.value2(), bodies.value3(), oldestAge, retries,
            byFeature),
        dsl.fetchCount(FAILURE_RECORD));
  }

  private static Record4<Integer, Integer, Integer, Long> counts(DSLContext dsl, QueueColumns q,
      long now) {
    Field<Integer> ready = DSL.count().filterWhere(q.ready(now));
    Field<Integer> backoff = DSL.count().filterWhere(q.nextAttemptAt().gt(now));
    return dsl.select(DSL.count(), ready, backoff, DSL.min(q.createdAt())).from(q.table())
        .fetchSingle();
  }
}
