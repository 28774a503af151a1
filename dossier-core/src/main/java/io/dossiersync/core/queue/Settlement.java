package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a drainer decided for one task it holds, applied with others in one transaction by {@link
 * TaskQueue#settle} or {@link TaskQueue#settleAndClaim}. Like every change after a claim it is
 * fenced: it takes effect only while the claim's lease owner still holds the task.
 *
 * @param claimed the claimed task ({@link ClaimedEvent} or {@link ClaimedBody})
 * @param action what to do with it
 * @param nextAttemptAt for {@link Action#RESCHEDULE}: when it is due again; else empty
 * @param reason for {@link Action#RESCHEDULE} and {@link Action#FAIL}: the reason code and detail;
 *     else empty text
 * @param at when the decision was taken (the failure time of {@link Action#FAIL})
 * @param <C> the claimed task type
 * @since 0.1.0
 */
public record Settlement<C>(
    C claimed, Action action, Optional<Instant> nextAttemptAt, String reason, Instant at) {

  /** What a settlement does to its task. */
  public enum Action {
    /** Delivered: the task is deleted. */
    COMPLETE,
    /** A failed attempt: {@code retry_count + 1}, a new due time, the error; the lease dropped. */
    RESCHEDULE,
    /** Given back untouched: no retry counted, same due time, the lease dropped. */
    RELEASE,
    /** Moved to the failure records with its reason. */
    FAIL
  }

  /** Checks the fields; a reschedule needs its due time. */
  public Settlement {
    Objects.requireNonNull(claimed, "claimed");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    if (action == Action.RESCHEDULE && nextAttemptAt.isEmpty()) {
      throw new IllegalArgumentException(
          "a reschedule needs nextAttemptAt; pass when the task is" + " due again");
    }
  }

  /**
   * Deletes a delivered task.
   *
   * @param claimed the task
   * @param at now
   * @param <C> the claimed task type
   * @return the settlement
   */
  public static <C> Settlement<C> complete(C claimed, Instant at) {
    return new Settlement<>(claimed, Action.COMPLETE, Optional.empty(), "", at);
  }

  /**
   * Keeps a task with backoff.
   *
   * @param claimed the task
   * @param nextAttemptAt when it is due again
   * @param reason the reason code of this failure
   * @param at now
   * @param <C> the claimed task type
   * @return the settlement
   */
  public static <C> Settlement<C> reschedule(
      C claimed, Instant nextAttemptAt, String reason, Instant at) {
    return new Settlement<>(claimed, Action.RESCHEDULE, Optional.of(nextAttemptAt), reason, at);
  }

  /**
   * Gives a task back untouched.
   *
   * @param claimed the task
   * @param at now
   * @param <C> the claimed task type
   * @return the settlement
   */
  public static <C> Settlement<C> release(C claimed, Instant at) {
    return new Settlement<>(claimed, Action.RELEASE, Optional.empty(), "", at);
  }

  /**
   * Moves a task to the failure records.
   *
   * @param claimed the task
   * @param reason the reason code and detail
   * @param at the failure time
   * @param <C> the claimed task type
   * @return the settlement
   */
  public static <C> Settlement<C> fail(C claimed, String reason, Instant at) {
    return new Settlement<>(claimed, Action.FAIL, Optional.empty(), reason, at);
  }
}
