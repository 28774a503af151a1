package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * What the event queue and the body queue have in common (PRODUCT.md §3): claiming ready tasks
 * under a lease, settling what a drainer decided about the tasks it holds, renewing its leases, and
 * what a drain asks before and between rounds. {@link EventQueue} and {@link BodyQueue} add their
 * own {@code enqueue}.
 *
 * <p>Rules every implementation follows (the testkit's {@code QueueStoreContract} checks them):
 *
 * <ul>
 *   <li>{@link #claim} follows {@link ClaimRequest}; two claims never hold the same task under
 *       unexpired leases.
 *   <li>Every change after a claim is fenced by the claim's lease owner: a settlement or a renewal
 *       of a task that is no longer held (superseded, purged, or its lease expired and was taken
 *       over) changes nothing and is left out of what the call returns.
 *   <li>{@link #settle}, {@link #renew} and {@link #settleAndClaim} are each one transaction where
 *       the store has them: a failure keeps nothing of the call.
 * </ul>
 *
 * @param <C> the claimed task type
 * @since 0.1.0
 */
public interface TaskQueue<C extends ClaimedTask> {

  /**
   * Claims ready tasks, oldest first, under a lease.
   *
   * @param request how many, when, for whom, which projects
   * @return the claimed tasks, at most {@code request.maxTasks()}, maybe none
   * @throws QueueStoreException when the store cannot be written
   */
  List<C> claim(ClaimRequest request);

  /**
   * Applies a drainer's decisions on tasks it holds, in one transaction: a drain writes a batch of
   * results with one commit. Each settlement is fenced by its claim's lease owner; one whose lease
   * was lost changes nothing and is not returned.
   *
   * @param settlements decisions on claimed tasks, each task at most once
   * @return the settlements that applied (their claims were still held), in the given order
   * @throws QueueStoreException when the store cannot be written (nothing of the call is kept)
   */
  List<Settlement<C>> settle(List<Settlement<C>> settlements);

  /**
   * Settles a batch and claims the next one: a drain that writes its results when it needs more
   * work pays one transaction for both. The settlements apply first, so a task just given back may
   * be claimed again by the same call. The default makes the two calls ({@link #settle}, then
   * {@link #claim}), each its own transaction; both stores of this repository do both in one.
   *
   * @param settlements decisions on claimed tasks, each task at most once, maybe none
   * @param request the claim that follows
   * @return the settlements that applied, and the tasks claimed
   * @throws QueueStoreException when the store cannot be written (nothing of the call is kept by a
   *     store that does both in one transaction)
   */
  default SettledAndClaimed<C> settleAndClaim(
      List<Settlement<C>> settlements, ClaimRequest request) {
    List<Settlement<C>> settled = settlements.isEmpty() ? List.of() : settle(settlements);
    return new SettledAndClaimed<>(settled, claim(request));
  }

  /**
   * Extends the leases of tasks a drainer still holds to {@code until} (PRODUCT.md §5: renewed at a
   * third of the lease, so that a slow receiver never lets another drainer re-send a task still in
   * flight). The owner is unchanged, so fencing is too; a task whose lease was lost is left alone
   * and not returned.
   *
   * @param held claimed tasks
   * @param until the new lease expiry
   * @return the tasks still held, now until {@code until}
   * @throws QueueStoreException when the store cannot be written
   */
  List<C> renew(List<C> held, Instant until);

  /**
   * Counts pending tasks of the projects in scope.
   *
   * @param scope the projects to count
   * @return the number of tasks in the queue, leased or not
   */
  long pending(ProjectScope scope);

  /**
   * When a task of the scope is claimable next, and whether a task already due is held under a
   * lease (see {@link NextDue}).
   *
   * @param scope the projects to consider
   * @param now the instant that separates due from not yet due
   * @return {@link NextDue#none()} when no task of the scope is pending
   */
  NextDue nextDue(ProjectScope scope, Instant now);

  /**
   * The projects that have pending tasks.
   *
   * @return project UUIDs in order
   */
  SortedSet<String> projects();
}
