package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The event queue view of a {@link QueueStore} (PRODUCT.md §3).
 *
 * <p>Rules every implementation follows (the testkit's {@code QueueStoreContract} checks them):
 *
 * <ul>
 *   <li>{@link #enqueue} stores all given events in one transaction. An event whose {@code
 *       event_id} is already pending is {@link EnqueueStatus#ALREADY_IN_QUEUE}. An event with a
 *       coalesce key removes every pending event with the same key (counted in {@link
 *       EnqueueResult#superseded()}). Each event is judged in order as if enqueued alone: with
 *       {@code maxQueueSize} events pending, an event that would add a row is {@link
 *       EnqueueStatus#QUEUE_FULL}, while a pending duplicate stays {@code ALREADY_IN_QUEUE} and
 *       a coalescing event replaces its row and is {@code ENQUEUED}. A new event is ready at
 *       once ({@code next_attempt_at = now}).
 *   <li>{@link #claim} follows {@link ClaimRequest}; two claims never hold the same event under
 *       unexpired leases.
 *   <li>{@link #complete}, {@link #reschedule}, {@link #release} and {@link #fail} act only on
 *       events still held under the given claim's lease owner and return how many they changed.
 * </ul>
 *
 * @since 0.1.0
 */
public interface EventQueue {

  /**
   * Enqueues events in one transaction.
   *
   * @param events the events, in order
   * @param now the enqueue time, which is also their first {@code next_attempt_at}
   * @return one status per event, and how many pending events were coalesced away
   * @throws QueueStoreException when the store cannot be written (nothing of the batch is kept)
   */
  EnqueueResult enqueue(List<EventRecord> events, Instant now);

  /**
   * Claims ready events, oldest first, under a lease.
   *
   * @param request how many, when, for whom, which projects
   * @return the claimed events, at most {@code request.maxTasks()}, maybe none
   */
  List<ClaimedEvent> claim(ClaimRequest request);

  /**
   * Deletes delivered events (success or duplicate).
   *
   * @param events events of one or more claims
   * @return how many were deleted (events whose lease was lost are left alone)
   */
  int complete(List<ClaimedEvent> events);

  /**
   * Records a failed attempt: {@code retry_count + 1}, the next attempt time and the error; the
   * lease is dropped.
   *
   * @param events events of one or more claims
   * @param nextAttemptAt when they may be claimed again
   * @param lastError the reason code of this failure
   * @return how many were updated
   */
  int reschedule(List<ClaimedEvent> events, Instant nextAttemptAt, String lastError);

  /**
   * Gives events back untouched (no retry counted, same {@code next_attempt_at}): used when the
   * token was rejected, which is not the events' fault.
   *
   * @param events events of one or more claims
   * @return how many were released
   */
  int release(List<ClaimedEvent> events);

  /**
   * Moves an event to the failure records with its reason.
   *
   * @param event a claimed event
   * @param reason the reason code of the failure
   * @param now the failure time
   * @return true when the event was moved, false when its lease was lost
   */
  boolean fail(ClaimedEvent event, String reason, Instant now);

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
  default List<Settlement<ClaimedEvent>> settle(List<Settlement<ClaimedEvent>> settlements) {
    List<Settlement<ClaimedEvent>> applied = new ArrayList<>(settlements.size());
    for (Settlement<ClaimedEvent> s : settlements) {
      List<ClaimedEvent> one = List.of(s.claimed());
      boolean held = switch (s.action()) {
        case COMPLETE -> complete(one) == 1;
        case RESCHEDULE -> reschedule(one, s.nextAttemptAt().orElseThrow(), s.reason()) == 1;
        case RELEASE -> release(one) == 1;
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
  default List<ClaimedEvent> renew(List<ClaimedEvent> held, Instant until) {
    return List.copyOf(held);
  }

  /**
   * Counts pending events of the projects in scope.
   *
   * @param scope the projects to count
   * @return the number of events in the queue, leased or not
   */
  long pending(ProjectScope scope);

  /**
   * The earliest time an event of the scope becomes claimable: its {@code next_attempt_at}, or
   * its lease expiry when leased.
   *
   * @param scope the projects to consider
   * @return empty when no event of the scope is pending
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
   * The projects that have pending events.
   *
   * @return project UUIDs in order
   */
  SortedSet<String> projects();
}
