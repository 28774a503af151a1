package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;

import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CloseableQuery;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * One event enqueue batch inside its write transaction: insert-or-ignore on {@code event_id}
 * (row count 1 = enqueued, 0 = already in queue), then, for an event with a coalesce key, delete
 * the other pending events of that key. When the queue is full an event is still reported
 * {@code ALREADY_IN_QUEUE} when pending, and still stored when it replaces an event of its key.
 * Not thread-safe: one instance per batch.
 */
final class EventEnqueue {

  private final DSLContext dsl;
  private final int maxQueueSize;
  private final NamespaceParams ns = new NamespaceParams("");

  EventEnqueue(DSLContext dsl, int maxQueueSize) {
    this.dsl = dsl;
    this.maxQueueSize = maxQueueSize;
  }

  EnqueueResult run(List<EventRecord> events, long now) {
    long pending = dsl.fetchCount(EVENT_QUEUE);
    List<EnqueueStatus> statuses = new ArrayList<>(events.size());
    int superseded = 0;
    try (CloseableQuery insert = insertQuery().keepStatement(true);
        CloseableQuery coalesce = coalesceQuery().keepStatement(true)) {
      insert.bind("now", now);
      for (EventRecord event : events) {
        if (pending >= maxQueueSize && !roomByCoalescing(event)) {
          statuses.add(isPending(event) ? EnqueueStatus.ALREADY_IN_QUEUE : EnqueueStatus.QUEUE_FULL);
          continue;
        }
        bind(insert, event);
        if (insert.execute() == 0) {
          statuses.add(EnqueueStatus.ALREADY_IN_QUEUE);
          continue;
        }
        int removed = 0;
        if (event.coalesceKey().isPresent()) {
          coalesce.bind("c_coalesce_key", event.coalesceKey().get());
          coalesce.bind("c_event_id", event.eventId());
          removed = coalesce.execute();
        }
        superseded += removed;
        pending += 1 - removed;
        statuses.add(EnqueueStatus.ENQUEUED);
      }
    }
    return new EnqueueResult(statuses, superseded);
  }

  private void bind(Query insert, EventRecord event) {
    insert.bind("event_id", event.eventId());
    insert.bind("event_type", event.eventType());
    insert.bind("aggregate_id", event.aggregateId());
    ns.bind(insert, event.namespace());
    insert.bind("coalesce_key", event.coalesceKey().orElse(null));
    insert.bind("payload", event.json());
  }

  private Query insertQuery() {
    Param<Long> now = DSL.param("now", Long.class);
    return dsl.insertInto(EVENT_QUEUE, EVENT_QUEUE.EVENT_ID, EVENT_QUEUE.EVENT_TYPE,
            EVENT_QUEUE.AGGREGATE_ID, EVENT_QUEUE.PROJECT_UUID, EVENT_QUEUE.FEATURE_SLUG,
            EVENT_QUEUE.TARGET_BRANCH, EVENT_QUEUE.MISSION_KEY, EVENT_QUEUE.MANIFEST_VERSION,
            EVENT_QUEUE.COALESCE_KEY, EVENT_QUEUE.PAYLOAD, EVENT_QUEUE.CREATED_AT,
            EVENT_QUEUE.RETRY_COUNT, EVENT_QUEUE.NEXT_ATTEMPT_AT)
        .values(DSL.param("event_id", String.class), DSL.param("event_type", String.class),
            DSL.param("aggregate_id", String.class), ns.project, ns.feature, ns.branch,
            ns.mission, ns.manifest, DSL.param("coalesce_key", String.class),
            DSL.param("payload", String.class), now, DSL.inline(0), now)
        .onConflictDoNothing();
  }

  private Query coalesceQuery() {
    return dsl.deleteFrom(EVENT_QUEUE)
        .where(EVENT_QUEUE.COALESCE_KEY.eq(DSL.param("c_coalesce_key", String.class)))
        .and(EVENT_QUEUE.EVENT_ID.ne(DSL.param("c_event_id", String.class)));
  }

  private boolean roomByCoalescing(EventRecord event) {
    return !isPending(event)
        && event.coalesceKey().isPresent()
        && dsl.fetchExists(EVENT_QUEUE, EVENT_QUEUE.COALESCE_KEY.eq(event.coalesceKey().get()));
  }

  private boolean isPending(EventRecord event) {
    return dsl.fetchExists(EVENT_QUEUE, EVENT_QUEUE.EVENT_ID.eq(event.eventId()));
  }
}
