package io.dossiersync.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a drainer asks of {@link TaskQueue#claim} (of either queue).
 *
 * <p>A claim takes up to {@code maxTasks} ready tasks of the projects in {@code scope}, oldest
 * first ({@code next_attempt_at}, then creation order). A task is ready when its {@code
 * next_attempt_at <= now} and it holds no unexpired lease. Claimed tasks get the lease {@code
 * (owner, now + leaseDuration)}.
 *
 * @param maxTasks the most tasks to claim, at least 1
 * @param now the current time
 * @param leaseDuration how long the claim protects the tasks, positive
 * @param owner the claimant's opaque id (unique per drainer)
 * @param scope the projects whose tasks may be claimed
 * @param holdNamespacesWithPendingEvents for bodies only: when true, a body whose namespace still
 *     has an event in the event queue is not claimed (it would only earn {@code
 *     index_entry_not_found}); ignored by {@link EventQueue#claim}
 * @since 0.1.0
 */
public record ClaimRequest(
    int maxTasks,
    Instant now,
    Duration leaseDuration,
    String owner,
    ProjectScope scope,
    boolean holdNamespacesWithPendingEvents) {

  /** Checks the arguments; see the component docs for the rules. */
  public ClaimRequest {
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be >= 1, got " + maxTasks);
    }
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    if (leaseDuration.isNegative() || leaseDuration.isZero()) {
      throw new IllegalArgumentException("leaseDuration must be positive, got " + leaseDuration);
    }
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(scope, "scope");
  }

  /**
   * The lease every task claimed by this request receives.
   *
   * @return {@code (owner, now + leaseDuration)}
   */
  public Lease lease() {
    return new Lease(owner, now.plus(leaseDuration));
  }
}
