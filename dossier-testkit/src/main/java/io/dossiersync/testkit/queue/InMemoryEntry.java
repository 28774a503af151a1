package io.dossiersync.testkit.queue;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.Lease;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of an in-memory queue: the task plus its retry state and lease. Mutable; guarded by the
 * lock of the owning {@link InMemoryQueueStore}. {@link #nextAttemptAt} is part of the drain order,
 * so it changes only through {@link InMemoryTable#reschedule}.
 *
 * @param <T> the task type ({@link EventRecord} or {@link BodyUploadTask})
 */
final class InMemoryEntry<T> {

  /** The drain order: {@code next_attempt_at}, then creation time, then insertion order. */
  static final Comparator<InMemoryEntry<?>> DRAIN_ORDER =
      Comparator.<InMemoryEntry<?>, Instant>comparing(e -> e.nextAttemptAt)
          .thenComparing(e -> e.createdAt)
          .thenComparingLong(e -> e.seq);

  final String id;
  final T task;
  final Instant createdAt;
  final long seq;
  int retryCount;
  Instant nextAttemptAt;
  @Nullable String lastError;
  @Nullable Lease lease;
  @Nullable Instant claimedAt;
  @Nullable Instant firstFailedAt;

  InMemoryEntry(String id, T task, Instant createdAt, long seq) {
    this.id = Objects.requireNonNull(id, "id");
    this.task = Objects.requireNonNull(task, "task");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.seq = seq;
    this.nextAttemptAt = createdAt;
  }

  /** True while an unexpired lease protects the entry. */
  boolean leasedAt(Instant now) {
    Lease held = lease;
    return held != null && held.until().isAfter(now);
  }

  /** The earliest instant the entry can be claimed. */
  Instant dueAt() {
    Lease held = lease;
    return held == null || held.until().isBefore(nextAttemptAt) ? nextAttemptAt : held.until();
  }

  /** True when the entry is still held under a lease of this owner. */
  boolean heldBy(Lease claim) {
    Lease held = lease;
    return held != null && held.owner().equals(claim.owner());
  }
}
