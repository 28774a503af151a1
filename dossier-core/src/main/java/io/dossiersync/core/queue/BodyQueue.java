package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The body queue view of a {@link QueueStore} (PRODUCT.md §3).
 *
 * <p>Rules every implementation follows (the testkit's {@code QueueStoreContract} checks them):
 *
 * <ul>
 *   <li>{@link #enqueue} stores all given tasks in one transaction (a whole feature's bodies in
 *       one commit). A task whose 7-field key (five namespace fields, {@code artifact_path},
 *       {@code content_hash}) is already pending is {@link EnqueueStatus#ALREADY_IN_QUEUE}.
 *       Supersede (DS-02): a task removes every pending task with the same namespace and path but
 *       another hash, leased or not (counted in {@link EnqueueResult#superseded()}). Each task
 *       is judged in order as if enqueued alone: with {@code maxQueueSize} tasks pending, a task
 *       that would add a row is {@link EnqueueStatus#QUEUE_FULL}, while a pending duplicate stays
 *       {@code ALREADY_IN_QUEUE} and a superseding task replaces its row and is {@code
 *       ENQUEUED}. A new task is ready at once.
 *   <li>{@link #claim} follows {@link ClaimRequest}; two claims never hold the same task under
 *       unexpired leases. Bodies are read only for the claimed tasks.
 *   <li>{@link #complete}, {@link #reschedule}, {@link #release} and {@link #fail} act only on a
 *       task still held under the claim's lease owner, and return false otherwise (the task was
 *       superseded, purged, or its lease expired and was taken over).
 * </ul>
 *
 * @since 0.1.0
 */
public interface BodyQueue {

  /**
   * Enqueues tasks in one transaction.
   *
   * @param tasks the tasks, in order
   * @param now the enqueue time, which is also their first {@code next_attempt_at}
   * @return one status per task, and how many older tasks were superseded
   * @throws QueueStoreException when the store cannot be written (nothing of the batch is kept)
   */
  EnqueueResult enqueue(List<BodyUploadTask> tasks, Instant now);

  /**
   * Claims ready tasks, oldest first, under a lease.
   *
   * @param request how many, when, for whom, which projects, and whether to hold bodies whose
   *     namespace still has pending events
   * @return the claimed tasks with their bodies, at most {@code request.maxTasks()}
   */
  List<ClaimedBody> claim(ClaimRequest request);

  /**
   * Deletes a delivered task (uploaded or already_exists).
   *
   * @param body a claimed task
   * @return true when deleted, false when the lease was lost
   */
  boolean complete(ClaimedBody body);

  /**
   * Deletes delivered tasks, in one transaction where the store has them: a drain completes a
   * batch of deliveries at once instead of paying one commit per body. Each task is fenced as in
   * {@link #complete}: one whose lease was lost is left alone and not returned. The default
   * completes them one by one.
   *
   * @param bodies claimed tasks that were delivered
   * @return the tasks deleted, in the given order
   */
  default List<ClaimedBody> completeAll(List<ClaimedBody> bodies) {
    List<ClaimedBody> completed = new ArrayList<>(bodies.size());
    for (ClaimedBody body : bodies) {
      if (complete(body)) {
        completed.add(body);
      }
    }
    return completed;
  }

  /**
   * Records a failed attempt: {@code retry_count + 1}, the next attempt time, the error; the
   * lease is dropped.
   *
   * @param body a claimed task
   * @param nextAttemptAt when it may be claimed again
   * @param lastError the reason code of this failure
   * @return true when updated, false when the lease was lost
   */
  boolean reschedule(ClaimedBody body, Instant nextAttemptAt, String lastError);

  /**
   * Gives a task back untouched (no retry counted, same {@code next_attempt_at}): used when the
   * token was rejected or the drain stopped before sending it.
   *
   * @param body a claimed task
   * @return true when released, false when the lease was lost
   */
  boolean release(ClaimedBody body);

  /**
   * Moves a task to the failure records, body included so that it can be re-queued.
   *
   * @param body a claimed task
   * @param reason the reason code of the failure
   * @param now the failure time
   * @return true when moved, false when the lease was lost
   */
  boolean fail(ClaimedBody body, String reason, Instant now);

  /**
   * Applies a drainer's decisions on tasks it holds, in one transaction where the store has them:
   * a drain writes a batch of results with one commit. Each settlement is fenced by its claim's
   * lease owner; one whose lease was lost changes nothing and is not returned. The default
   * applies them one by one.
   *
   * @param settlements decisions on claimed tasks, each task at most once
   * @return the settlements that took effect, in the given order
   * @throws QueueStoreException when the store cannot be written (nothing of the call is kept
   *     where the store has transactions)
   */
  default List<Settlement<ClaimedBody>> settle(List<Settlement<ClaimedBody>> settlements) {
    List<Settlement<ClaimedBody>> applied = new ArrayList<>(settlements.size());
    for (Settlement<ClaimedBody> s : settlements) {
      boolean held = switch (s.action()) {
        case COMPLETE -> complete(s.claimed());
        case RESCHEDULE -> reschedule(s.claimed(), s.nextAttemptAt().orElseThrow(), s.reason());
        case RELEASE -> release(s.claimed());
        case FAIL -> fail(s.claimed(), s.reason(), s.at());
      };
      if (held) {
        applied.add(s);
      }
    }
    return applied;
  }

  /**
   * Extends the leases of tasks a drainer still holds to {@code until} (PRODUCT.md §5: renewed
   * at a third of the lease, so that a slow receiver never lets another drainer re-send a task
   * still in flight). The owner is unchanged, so fencing is too; a task whose lease was lost is
   * left alone and not returned. The default renews nothing and returns the tasks as given (their
   * leases then run out as claimed).
   *
   * @param held claimed tasks
   * @param until the new lease expiry
   * @return the tasks still held, now until {@code until}
   * @throws QueueStoreException when the store cannot be written
   */
  default List<ClaimedBody> renew(List<ClaimedBody> held, Instant until) {
    return List.copyOf(held);
  }

  /**
   * Counts pending tasks of the projects in scope.
   *
   * @param scope the projects to count
   * @return the number of tasks in the queue, leased or not
   */
  long pending(ProjectScope scope);

  /**
   * The earliest time a task of the scope becomes claimable: its {@code next_attempt_at}, or its
   * lease expiry when leased.
   *
   * @param scope the projects to consider
   * @return empty when no task of the scope is pending
   */
  Optional<Instant> nextDue(ProjectScope scope);

  /**
   * The earliest {@code next_attempt_at} of the pending tasks of a scope, leased or not. Where it
   * is earlier than {@link #nextDue}, a due task is held under another drainer's lease, which
   * usually ends long before the lease expires: a waiting drain polls instead of sleeping until
   * the expiry. The default returns {@link #nextDue} (no lease told apart).
   *
   * @param scope the projects to consider
   * @return empty when no task of the scope is pending
   */
  default Optional<Instant> nextAttempt(ProjectScope scope) {
    return nextDue(scope);
  }

  /**
   * The projects that have pending tasks.
   *
   * @return project UUIDs in order
   */
  SortedSet<String> projects();
}
