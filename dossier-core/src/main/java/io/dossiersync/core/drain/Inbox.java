package io.dossiersync.core.drain;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The round's result queue, read by the round thread only. While it waits for a result it renews
 * the leases of what the round holds every third of the lease (PRODUCT.md §5), timed by the
 * monotonic clock, so a wait is never a poll loop: it wakes for a result or a renewal.
 */
final class Inbox {

  final BlockingQueue<Sent> queue = new LinkedBlockingQueue<>();
  private final DrainRound round;
  private final long renewEveryNanos;
  private long nextRenewal;
  private volatile boolean abortRequested;

  Inbox(DrainRound round) {
    this.round = round;
    this.renewEveryNanos = Math.max(1, round.settings.leaseDuration().toNanos() / 3);
    this.nextRenewal = round.settings.nanoTime().getAsLong() + renewEveryNanos;
  }

  /**
   * The next result, or {@link Sent.Wake} when the round was woken or its deadline passed; renews
   * through {@code renew} whenever a third of the lease passed.
   *
   * @throws InterruptedException when the round thread is interrupted
   */
  Sent take(Runnable renew) throws InterruptedException {
    while (true) {
      long now = round.settings.nanoTime().getAsLong();
      if (now - nextRenewal >= 0) {
        renew.run();
        nextRenewal = now + renewEveryNanos;
      }
      long wait = nextRenewal - now;
      if (abortRequested && !round.pastDeadlineSeen()) {
        round.seePastDeadline(now);
        return Sent.Wake.INSTANCE;
      }
      if (round.deadlineNanos().isPresent() && !round.pastDeadlineSeen()) {
        long left = round.deadlineNanos().getAsLong() - now;
        if (left <= 0) {
          round.seePastDeadline(now);
          return Sent.Wake.INSTANCE;
        }
        wait = Math.min(wait, left);
      }
      if (round.pastDeadlineSeen() && !round.abandoned()) {
        long abandonIn = round.abandonAt() - now;
        if (abandonIn <= 0) {
          round.abandon();
          return Sent.Wake.INSTANCE;
        }
        wait = Math.min(wait, abandonIn);
      }
      Sent sent = queue.poll(wait, TimeUnit.NANOSECONDS);
      if (sent != null) {
        return sent;
      }
    }
  }

  /** Wakes the round thread so that it looks at its stop signals now. */
  void wake() {
    queue.add(Sent.Wake.INSTANCE);
  }

  /**
   * Makes the round act as if its deadline had passed: abort the requests in flight, give back what
   * fails, give up on the rest {@link DrainRound#ABORT_GRACE} later.
   */
  void abort() {
    abortRequested = true;
    wake();
  }

  /** A result that is already there, without waiting. */
  @Nullable Sent poll() {
    return queue.poll();
  }
}
