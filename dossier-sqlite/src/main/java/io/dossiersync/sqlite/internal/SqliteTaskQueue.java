package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedTask;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.NextDue;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.SettledAndClaimed;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.core.queue.TaskQueue;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * What the SQL queues do the same way, written once for both on the queue's own statements ({@link
 * QueueSql}): settle, renew, settle-and-claim, count, next due, projects. Every call is one short
 * transaction on its own pooled connection; state changes after a claim are fenced by the task key
 * and {@code lease_owner} (a token of the owner: {@link
 * io.dossiersync.sqlite.internal.sql.LeaseColumns}). Thread-safe and safe across processes sharing
 * the database. A subclass adds the queue's claim statement and its enqueue batch, which {@link
 * #enqueueBatch(List, Transactor.Work)} runs.
 *
 * @param <C> the claimed task type
 */
public abstract class SqliteTaskQueue<C extends ClaimedTask> implements TaskQueue<C> {

  private final Transactor database;
  private final QueueSql q;
  private final String task;
  private final String noun;
  private final int maxQueueSize;
  private final SqliteSettle<C> settler;

  /**
   * Creates the view.
   *
   * @param database the open, migrated database's transactions
   * @param q the queue's statements
   * @param task what one task is called in the queue-full warning, {@code "body"} or {@code
   *     "event"}
   * @param noun what the tasks are called in error messages, {@code "bodies"} or {@code "events"}
   * @param maxQueueSize the most tasks the queue holds
   */
  SqliteTaskQueue(Transactor database, QueueSql q, String task, String noun, int maxQueueSize) {
    this.database = database;
    this.q = q;
    this.task = task;
    this.noun = noun;
    this.maxQueueSize = maxQueueSize;
    this.settler = new SqliteSettle<>(q);
  }

  /** The most tasks the queue holds. */
  final int maxQueueSize() {
    return maxQueueSize;
  }

  /**
   * Runs one enqueue batch in a serialized write transaction (nothing for an empty batch) and logs
   * the queue-full warning when it left tasks out.
   *
   * @param tasks the batch
   * @param batch plans and writes the batch on the transaction's session
   * @return what the batch did
   */
  final EnqueueResult enqueueBatch(List<?> tasks, Transactor.Work<EnqueueResult> batch) {
    if (tasks.isEmpty()) {
      return EnqueueResult.none();
    }
    EnqueueResult result = database.writeSerialized("enqueueing " + noun, batch);
    QueueFullWarning.logIfFull(database.location(), maxQueueSize, result, task);
    return result;
  }

  /**
   * Leases the oldest ready rows of the request's scope (not empty) inside the caller's transaction
   * and returns them in claim order.
   */
  abstract List<C> claimIn(SqlSession s, ClaimRequest request) throws SQLException;

  @Override
  public final List<C> claim(ClaimRequest request) {
    if (request.scope().isEmpty()) {
      return List.of();
    }
    return database.write("claiming " + noun, s -> claimIn(s, request));
  }

  @Override
  public final List<Settlement<C>> settle(List<Settlement<C>> settlements) {
    if (settlements.isEmpty()) {
      return List.of();
    }
    return database.write("recording drain results", s -> settler.settle(s, settlements));
  }

  /** Settles, then claims, in one write transaction: one commit for both. */
  @Override
  public final SettledAndClaimed<C> settleAndClaim(
      List<Settlement<C>> settlements, ClaimRequest request) {
    return database.write(
        "recording drain results and claiming " + noun,
        s -> {
          List<Settlement<C>> settled = settler.settle(s, settlements);
          List<C> claimed = request.scope().isEmpty() ? List.of() : claimIn(s, request);
          return new SettledAndClaimed<>(settled, claimed);
        });
  }

  @Override
  public final List<C> renew(List<C> held, Instant until) {
    if (held.isEmpty()) {
      return List.of();
    }
    return database.write("renewing leases", s -> settler.renew(s, held, until));
  }

  @Override
  public final long pending(ProjectScope scope) {
    return database.read("counting " + noun, s -> QueueQueries.pending(s, q, scope));
  }

  @Override
  public final NextDue nextDue(ProjectScope scope, Instant now) {
    return database.read(
        "finding the next due " + noun, s -> QueueQueries.nextDue(s, q, scope, now));
  }

  @Override
  public final SortedSet<String> projects() {
    return database.read("listing the projects of the " + noun, s -> QueueQueries.projects(s, q));
  }
}
