package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The event queue of a SQLite queue file. Every call is one short transaction on its own pooled
 * connection; state changes after a claim are fenced by {@code event_id} and {@code lease_owner}
 * (a token of the owner: {@link io.dossiersync.sqlite.internal.sql.LeaseColumns}).
 * Thread-safe and safe across processes sharing the file.
 */
public final class SqliteEventQueue implements EventQueue {

  private static final QueueSql Q = QueueSql.EVENTS;

  private final Transactor database;
  private final int maxQueueSize;
  private final SqliteSettle<ClaimedEvent> settler;

  /**
   * Creates the view.
   *
   * @param database the open, migrated database's transactions
   * @param maxQueueSize the most events the queue holds
   */
  public SqliteEventQueue(Transactor database, int maxQueueSize) {
    this.database = database;
    this.maxQueueSize = maxQueueSize;
    this.settler = new SqliteSettle<>(database, Q, claimed -> claimed.event().eventId(),
        ClaimedEvent::lease);
  }

  @Override
  public List<Settlement<ClaimedEvent>> settle(List<Settlement<ClaimedEvent>> settlements) {
    return settler.settle(settlements);
  }

  @Override
  public List<ClaimedEvent> renew(List<ClaimedEvent> held, Instant until) {
    return settler.renew(held, until);
  }

  @Override
  public EnqueueResult enqueue(List<EventRecord> events, Instant now) {
    if (events.isEmpty()) {
      return EnqueueResult.none();
    }
    EnqueueResult result = database.writeSerialized("enqueueing events",
        s -> new EventEnqueue(s.connection(), maxQueueSize).run(events, Millis.of(now)));
    QueueFullWarning.logIfFull(database.location(), maxQueueSize, result, "event");
    return result;
  }

  @Override
  public List<ClaimedEvent> claim(ClaimRequest request) {
    if (request.scope().isEmpty()) {
      return List.of();
    }
    return database.write("claiming events", s -> Claims.events(s, request));
  }

  @Override
  public int complete(List<ClaimedEvent> events) {
    return perOwner("completing events", events,
        (s, owner, ids) -> QueueQueries.complete(s, Q, owner, ids).size());
  }

  @Override
  public int reschedule(List<ClaimedEvent> events, Instant nextAttemptAt, String lastError) {
    return perOwner("rescheduling events", events,
        (s, owner, ids) -> QueueQueries.reschedule(s, Q, owner, ids, nextAttemptAt, lastError));
  }

  @Override
  public int release(List<ClaimedEvent> events) {
    return perOwner("releasing events", events,
        (s, owner, ids) -> QueueQueries.release(s, Q, owner, ids));
  }

  @Override
  public boolean fail(ClaimedEvent event, String reason, Instant now) {
    return database.write("moving an event to the failure records",
        s -> QueueQueries.fail(s, Q, event.lease().owner(), event.event().eventId(), reason, now));
  }

  @Override
  public long pending(ProjectScope scope) {
    return database.read("counting events", s -> QueueQueries.pending(s, Q, scope));
  }

  @Override
  public Optional<Instant> nextDue(ProjectScope scope) {
    return database.read("finding the next due event",
        s -> QueueQueries.nextDue(s, Q, scope));
  }

  @Override
  public Optional<Instant> nextAttempt(ProjectScope scope) {
    return database.read("finding the next event attempt",
        s -> QueueQueries.nextAttempt(s, Q, scope));
  }

  @Override
  public SortedSet<String> projects() {
    return database.read("listing event projects",
        s -> QueueQueries.projects(s, Q));
  }

  /** A fenced statement for the events one owner holds. */
  @FunctionalInterface
  private interface Fenced {
    int apply(SqlSession session, String owner, List<String> eventIds) throws SQLException;
  }

  /** Applies one fenced statement per lease owner, all in one transaction. */
  private int perOwner(String operation, List<ClaimedEvent> events, Fenced statement) {
    if (events.isEmpty()) {
      return 0;
    }
    Map<String, List<String>> idsByOwner = new LinkedHashMap<>();
    for (ClaimedEvent event : events) {
      idsByOwner.computeIfAbsent(event.lease().owner(), owner -> new ArrayList<>())
          .add(event.event().eventId());
    }
    return database.write(operation, s -> {
      int changed = 0;
      for (Map.Entry<String, List<String>> entry : idsByOwner.entrySet()) {
        changed += statement.apply(s, entry.getKey(), entry.getValue());
      }
      return changed;
    });
  }
}
