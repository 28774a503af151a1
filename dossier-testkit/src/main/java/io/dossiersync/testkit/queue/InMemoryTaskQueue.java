package io.dossiersync.testkit.queue;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedTask;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.NextDue;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.SettledAndClaimed;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.core.queue.TaskQueue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What the two in-memory queues do the same way on their own table, written once: settle (a failed
 * task becomes a failure record), settle-and-claim, renew, count, next due, projects. Every call
 * runs under the store lock. A subclass adds its enqueue, claim and re-queue, and says which
 * artifact path and hash a failure record of its task names.
 *
 * @param <T> the task type
 * @param <C> the claimed task type
 */
abstract class InMemoryTaskQueue<T, C extends ClaimedTask> implements TaskQueue<C> {

  /** The store's state, whose lock every call holds. */
  final InMemoryState state;

  private final InMemoryTable<T> table;
  private final FailureKind kind;

  InMemoryTaskQueue(InMemoryState state, InMemoryTable<T> table, FailureKind kind) {
    this.state = state;
    this.table = table;
    this.kind = kind;
  }

  /** The artifact path a failure record of the task names, if any. */
  abstract Optional<String> artifactPath(T task);

  /** The content hash a failure record of the task names, if any. */
  abstract Optional<String> contentHash(T task);

  /** Every settlement under the store lock at once: all or nothing, like one transaction. */
  @Override
  public final List<Settlement<C>> settle(List<Settlement<C>> settlements) {
    return state.locked(
        () ->
            table.settle(
                settlements,
                (e, s) ->
                    state.addFailure(
                        kind,
                        e,
                        table.namespaceOf(e),
                        artifactPath(e.task),
                        contentHash(e.task),
                        s.reason(),
                        s.at())));
  }

  /** Settles and claims under the store lock at once, like one transaction. */
  @Override
  public final SettledAndClaimed<C> settleAndClaim(
      List<Settlement<C>> settlements, ClaimRequest request) {
    return state.locked(() -> TaskQueue.super.settleAndClaim(settlements, request));
  }

  @Override
  public final List<C> renew(List<C> held, Instant until) {
    return state.locked(() -> table.renew(held, until));
  }

  @Override
  public final long pending(ProjectScope scope) {
    return state.locked(() -> table.count(scope));
  }

  @Override
  public final NextDue nextDue(ProjectScope scope, Instant now) {
    return state.locked(() -> table.nextDue(scope, now));
  }

  @Override
  public final SortedSet<String> projects() {
    return state.locked(table::projects);
  }
}
