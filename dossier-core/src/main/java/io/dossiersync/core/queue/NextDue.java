package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a queue of a scope has something to claim next, as {@link TaskQueue#nextDue} sees it.
 *
 * @param at the earliest time a pending task becomes claimable: its {@code next_attempt_at}, or its
 *     lease's end when a lease holds it longer; empty when nothing of the scope is pending
 * @param heldByLease true when a task already due (its {@code next_attempt_at} not after the given
 *     {@code now}) is held under an unexpired lease, so {@code at} lies in the future only because
 *     another drainer holds it: that drainer usually finishes long before its lease ends, so a
 *     waiting drain polls instead of sleeping until {@code at}
 * @since 0.1.0
 */
public record NextDue(Optional<Instant> at, boolean heldByLease) {

  /** Checks the fields; a lease can hold a task only when something is pending. */
  public NextDue {
    Objects.requireNonNull(at, "at");
    if (heldByLease && at.isEmpty()) {
      throw new IllegalArgumentException("heldByLease needs a pending task; pass at");
    }
  }

  /**
   * Nothing of the scope is pending.
   *
   * @return the empty value
   */
  public static NextDue none() {
    return new NextDue(Optional.empty(), false);
  }

  /**
   * The value of a queue from its two earliest times.
   *
   * @param dueAt the earliest claimable time (lease ends counted), empty when nothing is pending
   * @param attemptAt the earliest {@code next_attempt_at}, leases ignored
   * @param now the instant that separates due from not yet due
   * @return the next due time, held by a lease when a task due by {@code now} is claimable only
   *     later
   */
  public static NextDue of(Optional<Instant> dueAt, Optional<Instant> attemptAt, Instant now) {
    boolean held =
        dueAt.isPresent()
            && dueAt.get().isAfter(now)
            && attemptAt.isPresent()
            && !attemptAt.get().isAfter(now);
    return new NextDue(dueAt, held);
  }

  /**
   * True when a task is claimable at {@code now}.
   *
   * @param now the current time
   * @return whether {@link #at()} is not after {@code now}
   */
  public boolean dueBy(Instant now) {
    return at.isPresent() && !at.get().isAfter(now);
  }
}
