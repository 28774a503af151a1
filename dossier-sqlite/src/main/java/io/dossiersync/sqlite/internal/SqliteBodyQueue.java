package io.dossiersync.sqlite.internal;

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

/**
 * The body queue of a SQLite queue file. Every call is one short transaction on its own pooled
 * connection; state changes after a claim are fenced by {@code upload_id} and {@code
 * lease_owner} (which holds a token of the owner: {@link
 * io.dossiersync.sqlite.internal.sql.LeaseColumns}). Thread-safe and safe across processes sharing
 * the file.
 */
public final class SqliteBodyQueue implements BodyQueue {

  private static final QueueSql Q = QueueSql.BODIES;

  private final Transactor database;
  private final int maxQueueSize;
  private final SqliteSettle<ClaimedBody> settler;

  /**
   * Creates the view.
   *
   * @param database the open, migrated database's transactions
   * @param maxQueueSize the most tasks the queue holds
   */
  public SqliteBodyQueue(Transactor database, int maxQueueSize) {
    this.database = database;
    this.maxQueueSize = maxQueueSize;
    this.settler = new SqliteSettle<>(database, Q, claimed -> claimed.task().uploadId(),
        ClaimedBody::lease);
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
    EnqueueResult result = database.writeSerialized("enqueueing bodies",
        s -> new BodyEnqueue(s.connection(), maxQueueSize).run(tasks, Millis.of(now)));
    QueueFullWarning.logIfFull(database.location(), maxQueueSize, result, "body");
    return result;
  }

  @Override
  public List<ClaimedBody> claim(ClaimRequest request) {
    if (request.scope().isEmpty()) {
      return List.of();
    }
    return database.write("claiming bodies", s -> Claims.bodies(s, request));
  }

  @Override
  public boolean complete(ClaimedBody body) {
    return !database.write("completing a body",
        s -> QueueQueries.complete(s, Q, body.lease().owner(), List.of(uploadId(body))))
        .isEmpty();
  }

  @Override
  public List<ClaimedBody> completeAll(List<ClaimedBody> bodies) {
    if (bodies.isEmpty()) {
      return List.of();
    }
    // One DELETE ... RETURNING per lease owner instead of one statement per body.
    Map<String, List<String>> byOwner = new LinkedHashMap<>();
    bodies.forEach(b -> byOwner.computeIfAbsent(b.lease().owner(), o -> new ArrayList<>())
        .add(uploadId(b)));
    Set<String> deleted = database.write("completing bodies", s -> {
      Set<String> ids = new HashSet<>();
      for (Map.Entry<String, List<String>> owner : byOwner.entrySet()) {
        ids.addAll(QueueQueries.complete(s, Q, owner.getKey(), owner.getValue()));
      }
      return ids;
    });
    List<ClaimedBody> completed = new ArrayList<>(deleted.size());
    bodies.forEach(b -> {
      if (deleted.contains(uploadId(b))) {
        completed.add(b);
      }
    });
    return completed;
  }

  @Override
  public boolean reschedule(ClaimedBody body, Instant nextAttemptAt, String lastError) {
    return database.write("rescheduling a body", s -> QueueQueries.reschedule(s, Q,
        body.lease().owner(), List.of(uploadId(body)), nextAttemptAt, lastError)) == 1;
  }

  @Override
  public boolean release(ClaimedBody body) {
    return database.write("releasing a body",
        s -> QueueQueries.release(s, Q, body.lease().owner(), List.of(uploadId(body)))) == 1;
  }

  @Override
  public boolean fail(ClaimedBody body, String reason, Instant now) {
    return database.write("moving a body to the failure records",
        s -> QueueQueries.fail(s, Q, body.lease().owner(), uploadId(body), reason, now));
  }

  @Override
  public long pending(ProjectScope scope) {
    return database.read("counting bodies", s -> QueueQueries.pending(s, Q, scope));
  }

  @Override
  public Optional<Instant> nextDue(ProjectScope scope) {
    return database.read("finding the next due body",
        s -> QueueQueries.nextDue(s, Q, scope));
  }

  @Override
  public Optional<Instant> nextAttempt(ProjectScope scope) {
    return database.read("finding the next body attempt",
        s -> QueueQueries.nextAttempt(s, Q, scope));
  }

  @Override
  public SortedSet<String> projects() {
    return database.read("listing body projects",
        s -> QueueQueries.projects(s, Q));
  }

  private static String uploadId(ClaimedBody body) {
    return body.task().uploadId();
  }
}
