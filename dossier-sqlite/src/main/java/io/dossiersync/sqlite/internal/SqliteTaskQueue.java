package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedTask;
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
 * the database. A subclass adds the queue's claim statement and its enqueue.
 *
 * @param <C> the claimed task type
 */
public abstract class SqliteTaskQueue<C extends ClaimedTask> implements TaskQueue<C> {

  private final Transactor database;
  private final QueueSql q;
  private final String noun;
  private final SqliteSettle<C> settler;

  SqliteTaskQueue(Transactor database, QueueSql q, String noun) {
    this.database = database;
    this.q = q;
    this.noun = noun;
    this.settler = new SqliteSettle<>(q);
  }

  /** The database's transactions. */
  final Transactor database() {
    return database;
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
