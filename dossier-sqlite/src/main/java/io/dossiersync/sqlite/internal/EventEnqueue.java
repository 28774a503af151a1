package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.sqlite.internal.sql.Sql;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One event enqueue batch inside its write transaction, planned in memory and written in bulk, like
 * {@link BodyEnqueue}: an event whose {@code event_id} is pending (in the file or earlier in the
 * batch) is {@code ALREADY_IN_QUEUE}; an event with a coalesce key replaces every pending event of
 * that key; an event is {@code QUEUE_FULL} only when the queue is full and it replaces nothing. The
 * new rows go in as one batch of the prepared insert. Not thread-safe: one instance per batch.
 */
final class EventEnqueue {

  private final SqlSession session;
  private final int maxQueueSize;

  EventEnqueue(Connection connection, int maxQueueSize) {
    this.session = SqlSession.on(connection);
    this.maxQueueSize = maxQueueSize;
  }

  EnqueueResult run(List<EventRecord> events, long now) throws SQLException {
    EnqueuePlan plan =
        new EnqueuePlan(
            QueueCapacity.pending(session, QueueSql.EVENTS, events.size(), maxQueueSize),
            maxQueueSize,
            events.size());
    Set<String> ids = pendingIds(events);
    Map<String, List<Pending>> byKey = pendingRowsByKey(events);
    for (int i = 0; i < events.size(); i++) {
      EventRecord event = events.get(i);
      if (ids.contains(event.eventId())) {
        plan.alreadyInQueue();
        continue;
      }
      List<Pending> older =
          event
              .coalesceKey()
              .map(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()))
              .orElse(new ArrayList<>());
      if (plan.enqueue(i, older)) {
        older.forEach(version -> ids.remove(version.eventId()));
        older.clear();
        older.add(new Pending(-1, i, event.eventId()));
        ids.add(event.eventId());
      }
    }
    List<Long> superseded = plan.supersededRows();
    if (!superseded.isEmpty()) {
      session.update(Sql.EVENT_DELETE_IDS, superseded);
    }
    insert(plan.inserts(events), now);
    return plan.result();
  }

  private Set<String> pendingIds(List<EventRecord> events) throws SQLException {
    List<String> wanted = events.stream().map(EventRecord::eventId).toList();
    return new HashSet<>(session.list(Sql.EVENT_PENDING_EVENT_IDS, rs -> rs.getString(1), wanted));
  }

  /** The pending rows (ids only) that share a coalesce key with an event of the batch. */
  private Map<String, List<Pending>> pendingRowsByKey(List<EventRecord> events)
      throws SQLException {
    Map<String, List<Pending>> rows = new HashMap<>();
    List<String> keys = events.stream().flatMap(e -> e.coalesceKey().stream()).distinct().toList();
    if (keys.isEmpty()) {
      return rows;
    }
    for (Map.Entry<String, Pending> row :
        session.list(
            Sql.EVENT_PENDING_COALESCED,
            rs -> Map.entry(rs.getString(3), new Pending(rs.getLong(1), -1, rs.getString(2))),
            keys)) {
      rows.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
    }
    return rows;
  }

  /** A pending event of a coalesce key: a row in the file, or an event earlier in the batch. */
  private record Pending(long rowId, int batchIndex, String eventId)
      implements EnqueuePlan.Version {}

  private void insert(List<EventRecord> events, long now) throws SQLException {
    List<Object[]> rows = new ArrayList<>(events.size());
    for (EventRecord e : events) {
      NamespaceRef ns = e.namespace();
      rows.add(
          new Object[] {
            e.eventId(),
            e.eventType(),
            e.aggregateId(),
            ns.projectUuid(),
            ns.featureSlug(),
            ns.targetBranch(),
            ns.missionKey(),
            ns.manifestVersion(),
            e.coalesceKey().orElse(null),
            e.json(),
            now
          });
    }
    session.insertPlanned(Sql.EVENT_INSERT, rows, "event enqueue");
  }
}
