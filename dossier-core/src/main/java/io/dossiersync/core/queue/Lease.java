package io.dossiersync.core.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * The claim a drainer holds on a task: who holds it and until when (PRODUCT.md §3, DS-03).
 *
 * <p>Every state change after a claim (complete, reschedule, release, fail) is fenced by the owner:
 * it takes effect only while the task is still held by this owner, so a drainer whose lease expired
 * and was taken over can never overwrite the newer holder's work.
 *
 * @param owner an opaque, unique id of the claiming drainer (and claim)
 * @param until when the lease expires and the task becomes claimable again
 * @since 0.1.0
 */
public record Lease(String owner, Instant until) {

  /** Checks that no field is null. */
  public Lease {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(until, "until");
  }
}
