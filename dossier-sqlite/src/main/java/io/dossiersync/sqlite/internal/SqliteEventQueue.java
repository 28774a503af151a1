package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The event queue of a SQLite queue file. Every call is one short transaction on its own pooled
 * connection; state changes after a claim are fenced by {@code event_id} and {@code lease_owner}
 * (a token of the owner: {@link LeaseColumns}).
 * Thread-safe and safe across processes sharing the file.
 */
public final class SqliteEventQueue implements EventQueue {

  private static final QueueColumns Q = QueueColumns.EVENTS;

  private final Database database;
  private final int maxQueueSize;
  private final SqliteSettle<ClaimedEvent> settler;

  /**
   * Creates the view.
   *
   * @param database the open, migrated database
   * @param maxQueueSize the most events the queue holds
   */
  public SqliteEventQueue(Database database, int maxQueueSize) {
    this.database = database;
    this.maxQueueSize = maxQueueSize;
    this.settler = new SqliteSettle<>(database, SettleStatements.EVENTS, EventFence.INSTANCE);
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
    EnqueueResult result = database.write("enqueueing events",
        dsl -> dsl.connectionResult(c -> new EventEnqueue(c, maxQueueSize).run(events,
            Millis.of(now))));
    QueueFullWarning.logIfFull(database, maxQueueSize, result, "event");
    return result;
  }

  @Override
  public List<ClaimedEvent> claim(ClaimRequest request) {
    if (request.scope().isEmpty()) {
      return List.of();
    }
    return database.write("claiming events",
        dsl -> dsl.connectionResult(c -> DrainSql.claimEvents(c, request)));
  }

  @Override
  public int complete(List<ClaimedEvent> events) {
    return perOwner("completing events", events,
        (dsl, fenced) -> dsl.deleteFrom(EVENT_QUEUE).where(fenced).execute());
  }

  @Override
  public int reschedule(List<ClaimedEvent> events, Instant nextAttemptAt, String lastError) {
    return perOwner("rescheduling events", events,
        (dsl, fenced) -> QueueQueries.reschedule(dsl, Q, fenced, nextAttemptAt, lastError));
  }

  @Override
  public int release(List<ClaimedEvent> events) {
    return perOwner("releasing events", events,
        (dsl, fenced) -> QueueQueries.release(dsl, Q, fenced));
  }

  @Override
  public boolean fail(ClaimedEvent event, String reason, Instant now) {
    return database.write("moving an event to the failure records",
        dsl -> EventFence.INSTANCE.fail(dsl, event, reason, now));
  }

  @Override
  public long pending(ProjectScope scope) {
    return database.read("counting events", dsl -> QueueQueries.pending(dsl, Q, scope));
  }

  @Override
  public Optional<Instant> nextDue(ProjectScope scope) {
    return database.read("finding the next due event",
        dsl -> QueueQueries.nextDue(dsl, Q, scope));
  }

  @Override
  public Optional<Instant> nextAttempt(ProjectScope scope) {
    return database.read("finding the next event attempt",
        dsl -> QueueQueries.nextAttempt(dsl, Q, scope));
  }

  @Override
  public SortedSet<String> projects() {
    return database.read("listing event projects", dsl -> QueueQueries.projects(dsl, Q));
  }

  /** Applies one fenced statement per lease owner (and id chunk), all in one transaction. */
  private int perOwner(String operation, List<ClaimedEvent> events,
      BiFunction<DSLContext, Condition, Integer> statement) {
    if (events.isEmpty()) {
      return 0;
    }
    Map<String, List<String>> idsByOwner = new LinkedHashMap<>();
    for (ClaimedEvent event : events) {
      idsByOwner.computeIfAbsent(event.lease().owner(), owner -> new ArrayList<>())
          .add(event.event().eventId());
    }
    return database.write(operation, dsl -> {
      int changed = 0;
      for (Map.Entry<String, List<String>> entry : idsByOwner.entrySet()) {
        for (List<String> chunk : QueueQueries.chunks(entry.getValue())) {
          changed += statement.apply(dsl, fenced(entry.getKey(), chunk));
        }
      }
      return changed;
    });
  }

  private static Condition fenced(String owner, List<String> eventIds) {
    return EVENT_QUEUE.EVENT_ID.in(eventIds)
        .and(EVENT_QUEUE.LEASE_OWNER.eq(LeaseColumns.token(owner)));
  }
}
