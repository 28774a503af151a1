package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.sqlite.internal.jooq.tables.records.EventQueueRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep13;

/**
 * One event enqueue batch inside its write transaction, planned in memory and written in bulk,
 * like {@link BodyEnqueue}: an event whose {@code event_id} is pending (in the file or earlier in
 * the batch) is {@code ALREADY_IN_QUEUE}; an event with a coalesce key replaces every pending
 * event of that key; an event is {@code QUEUE_FULL} only when the queue is full and it replaces
 * nothing. Not thread-safe: one instance per batch.
 */
final class EventEnqueue {

  private static final int ROWS_PER_INSERT = 500;

  private final DSLContext dsl;
  private final int maxQueueSize;

  EventEnqueue(DSLContext dsl, int maxQueueSize) {
    this.dsl = dsl;
    this.maxQueueSize = maxQueueSize;
  }

  EnqueueResult run(List<EventRecord> events, long now) {
    long pending = QueueCapacity.pending(dsl, QueueColumns.EVENTS, events.size(), maxQueueSize);
    Set<String> ids = pendingIds(events);
    Map<String, List<Pending>> byKey = pendingRowsByKey(events);
    Set<Integer> toInsert = new LinkedHashSet<>();
    List<Long> doomed = new ArrayList<>();
    List<EnqueueStatus> statuses = new ArrayList<>(events.size());
    int superseded = 0;
    for (int i = 0; i < events.size(); i++) {
      EventRecord event = events.get(i);
      if (ids.contains(event.eventId())) {
        statuses.add(EnqueueStatus.ALREADY_IN_QUEUE);
        continue;
      }
      List<Pending> older = event.coalesceKey()
          .map(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>())).orElse(new ArrayList<>());
      if (pending >= maxQueueSize && older.isEmpty()) {
        statuses.add(EnqueueStatus.QUEUE_FULL);
        continue;
      }
      for (Pending version : older) {
        ids.remove(version.eventId());
        if (version.batchIndex() >= 0) {
          toInsert.remove(version.batchIndex());
        } else {
          doomed.add(version.rowId());
        }
      }
      superseded += older.size();
      pending += 1 - older.size();
      older.clear();
      older.add(new Pending(-1, i, event.eventId()));
      ids.add(event.eventId());
      toInsert.add(i);
      statuses.add(EnqueueStatus.ENQUEUED);
    }
    for (List<Long> chunk : QueueQueries.chunks(doomed)) {
      dsl.deleteFrom(EVENT_QUEUE).where(EVENT_QUEUE.ID.in(chunk)).execute();
    }
    List<EventRecord> inserts = new ArrayList<>(toInsert.size());
    toInsert.forEach(i -> inserts.add(events.get(i)));
    insert(inserts, now);
    return new EnqueueResult(statuses, superseded);
  }

  private Set<String> pendingIds(List<EventRecord> events) {
    Set<String> found = new HashSet<>();
    List<String> wanted = events.stream().map(EventRecord::eventId).toList();
    for (List<String> chunk : QueueQueries.chunks(wanted)) {
      found.addAll(dsl.select(EVENT_QUEUE.EVENT_ID).from(EVENT_QUEUE)
          .where(EVENT_QUEUE.EVENT_ID.in(chunk)).fetch(EVENT_QUEUE.EVENT_ID));
    }
    return found;
  }

  /** The pending rows (ids only) that share a coalesce key with an event of the batch. */
  private Map<String, List<Pending>> pendingRowsByKey(List<EventRecord> events) {
    Map<String, List<Pending>> rows = new HashMap<>();
    List<String> keys = events.stream().flatMap(e -> e.coalesceKey().stream()).distinct().toList();
    for (List<String> chunk : QueueQueries.chunks(keys)) {
      dsl.select(EVENT_QUEUE.ID, EVENT_QUEUE.EVENT_ID, EVENT_QUEUE.COALESCE_KEY).from(EVENT_QUEUE)
          .where(EVENT_QUEUE.COALESCE_KEY.in(chunk))
          .forEach(r -> rows.computeIfAbsent(r.value3(), k -> new ArrayList<>())
              .add(new Pending(r.value1(), -1, r.value2())));
    }
    return rows;
  }

  /** A pending event of a coalesce key: a row in the file, or an event earlier in the batch. */
  private record Pending(long rowId, int batchIndex, String eventId) {}

  private void insert(List<EventRecord> events, long now) {
    for (List<EventRecord> chunk : QueueQueries.chunks(events, ROWS_PER_INSERT)) {
      InsertValuesStep13<EventQueueRow, String, String, String, String, String, String, String,
          String, String, String, Long, Integer, Long> insert = dsl.insertInto(EVENT_QUEUE,
              EVENT_QUEUE.EVENT_ID, EVENT_QUEUE.EVENT_TYPE, EVENT_QUEUE.AGGREGATE_ID,
              EVENT_QUEUE.PROJECT_UUID, EVENT_QUEUE.FEATURE_SLUG, EVENT_QUEUE.TARGET_BRANCH,
              EVENT_QUEUE.MISSION_KEY, EVENT_QUEUE.MANIFEST_VERSION, EVENT_QUEUE.COALESCE_KEY,
              EVENT_QUEUE.PAYLOAD, EVENT_QUEUE.CREATED_AT, EVENT_QUEUE.RETRY_COUNT,
              EVENT_QUEUE.NEXT_ATTEMPT_AT);
      for (EventRecord e : chunk) {
        NamespaceRef ns = e.namespace();
        insert = insert.values(e.eventId(), e.eventType(), e.aggregateId(), ns.projectUuid(),
            ns.featureSlug(), ns.targetBranch(), ns.missionKey(), ns.manifestVersion(),
            e.coalesceKey().orElse(null), e.json(), now, 0, now);
      }
      int inserted = insert.execute();
      if (inserted != chunk.size()) {
        throw new QueueStoreException("event enqueue inserted " + inserted + " of "
            + chunk.size() + " planned rows; the batch was rolled back");
      }
    }
  }
}
