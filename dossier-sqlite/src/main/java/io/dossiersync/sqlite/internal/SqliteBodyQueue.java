package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.jooq.Condition;

/**
 * The body queue of a SQLite queue file. Every call is one short transaction on its own pooled
 * connection; state changes after a claim are fenced by {@code upload_id} and {@code
 * lease_owner} (which holds a token of the owner: {@link LeaseColumns}). Thread-safe and safe
 * across processes sharing the file.
 */
public final class SqliteBodyQueue implements BodyQueue {

  private static final QueueColumns Q = QueueColumns.BODIES;

  private final Database database;
  private final int maxQueueSize;
  private final SqliteSettle<ClaimedBody> settler;

  /**
   * Creates the view.
   *
   * @param database the open, migrated database
   * @param maxQueueSize the most tasks the queue holds
   */
  public SqliteBodyQueue(Database database, int maxQueueSize) {
    this.database = database;
    this.maxQueueSize = maxQueueSize;
    this.settler = new SqliteSettle<>(database, SettleStatements.BODIES, BodyFence.INSTANCE);
  }

  @Override
  public List<Settlement<ClaimedBody>> settle(List<Settlement<ClaimedBody>> settlements) {
    return settler.settle(settlements);
  }

  @Override
  public List<ClaimedBody> renew(List<ClaimedBody> held, Instant until) {
    return settler.renew(held, until);
  }

  @Override
  public EnqueueResult enqueue(List<BodyUploadTask> tasks, Instant now) {
    if (tasks.isEmpty()) {
      return EnqueueResult.none();
    }
    EnqueueResult result = database.write("enqueueing bodies",
        dsl -> dsl.connectionResult(c -> new BodyEnqueue(c, maxQueueSize).run(tasks,
            Millis.of(now))));
    QueueFullWarning.logIfFull(database, maxQueueSize, result, "body");
    return result;
  }

  @Override
  public List<ClaimedBody> claim(ClaimRequest request) {
    if (request.scope().isEmpty()) {
      return List.of();
    }
    return database.write("claiming bodies",
        dsl -> dsl.connectionResult(c -> DrainSql.claimBodies(c, request)));
  }

  @Override
  public boolean complete(ClaimedBody body) {
    return database.write("completing a body",
        dsl -> dsl.deleteFrom(BODY_QUEUE).where(fenced(body)).execute()) == 1;
  }

  @Override
  public List<ClaimedBody> completeAll(List<ClaimedBody> bodies) {
    if (bodies.isEmpty()) {
      return List.of();
    }
    return database.write("completing bodies", dsl -> {
      // One DELETE ... RETURNING per lease owner and chunk instead of one statement per body.
      Map<String, List<ClaimedBody>> byOwner = new LinkedHashMap<>();
      bodies.forEach(b -> byOwner.computeIfAbsent(b.lease().owner(), o -> new ArrayList<>()).add(b));
      Set<String> deleted = new HashSet<>();
      dsl.connection(c -> {
        for (Map.Entry<String, List<ClaimedBody>> owner : byOwner.entrySet()) {
          for (List<ClaimedBody> chunk : QueueQueries.chunks(owner.getValue())) {
            deleted.addAll(DrainSql.deleteHeldBodies(c, owner.getKey(),
                chunk.stream().map(b -> b.task().uploadId()).toList()));
          }
        }
      });
      List<ClaimedBody> completed = new ArrayList<>(deleted.size());
      bodies.forEach(b -> {
        if (deleted.contains(b.task().uploadId())) {
          completed.add(b);
        }
      });
      return completed;
    });
  }

  @Override
  public boolean reschedule(ClaimedBody body, Instant nextAttemptAt, String lastError) {
    return database.write("rescheduling a body",
        dsl -> QueueQueries.reschedule(dsl, Q, fenced(body), nextAttemptAt, lastError)) == 1;
  }

  @Override
  public boolean release(ClaimedBody body) {
    return database.write("releasing a body",
        dsl -> QueueQueries.release(dsl, Q, fenced(body))) == 1;
  }

  @Override
  public boolean fail(ClaimedBody body, String reason, Instant now) {
    return database.write("moving a body to the failure records",
        dsl -> FailureRecordWriter.fromBody(dsl, fenced(body), reason, now));
  }

  @Override
  public long pending(ProjectScope scope) {
    return database.read("counting bodies", dsl -> QueueQueries.pending(dsl, Q, scope));
  }

  @Override
  public Optional<Instant> nextDue(ProjectScope scope) {
    return database.read("finding the next due body", dsl -> QueueQueries.nextDue(dsl, Q, scope));
  }

  @Override
  public Optional<Instant> nextAttempt(ProjectScope scope) {
    return database.read("finding the next body attempt",
        dsl -> QueueQueries.nextAttempt(dsl, Q, scope));
  }

  @Override
  public SortedSet<String> projects() {
    return database.read("listing body projects", dsl -> QueueQueries.projects(dsl, Q));
  }

  private static Condition fenced(ClaimedBody body) {
    return BODY_QUEUE.UPLOAD_ID.eq(body.task().uploadId())
        .and(BODY_QUEUE.LEASE_OWNER.eq(LeaseColumns.token(body.lease().owner())));
  }
}
