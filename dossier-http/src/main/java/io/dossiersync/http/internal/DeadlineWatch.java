package io.dossiersync.http.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Aborts each request of a pooled client at its total deadline (PRODUCT.md §4.4), from one daemon
 * thread, {@code dossier-http-deadline}, started with the first request. The thread sleeps until
 * the earliest deadline of the requests in flight, or for one whole deadline when none is, so a new
 * request never needs to wake it: its deadline is at least one whole deadline after the thread last
 * looked. Starting a request therefore costs no timer entry and no thread wake-up; an idle client
 * costs one wake-up per deadline. Thread-safe.
 */
final class DeadlineWatch {

  private final InFlight inFlight;
  private final long deadlineNanos;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile @Nullable Thread thread;

  DeadlineWatch(InFlight inFlight, Duration deadline) {
    this.inFlight = inFlight;
    this.deadlineNanos = deadline.toNanos();
  }

  /** Starts the watching thread unless it runs already (or was stopped). */
  void ensureRunning() {
    if (started.get() || !started.compareAndSet(false, true)) {
      return;
    }
    Thread watcher = new Thread(this::watch, "dossier-http-deadline");
    watcher.setDaemon(true);
    thread = watcher;
    watcher.start();
  }

  /** Ends the watching thread; idempotent. */
  void stop() {
    stopped = true;
    started.set(true);
    Thread watcher = thread;
    if (watcher != null) {
      LockSupport.unpark(watcher);
    }
  }

  private void watch() {
    while (!stopped) {
      long now = System.nanoTime();
      long next = now + deadlineNanos;
      for (Exchange exchange : inFlight.exchanges()) {
        long due = exchange.startedNanos() + deadlineNanos;
        if (due - now <= 0) {
          exchange.abort(PooledHttpClient.DEADLINE_REASON);
        } else if (due - next < 0) {
          next = due;
        }
      }
      LockSupport.parkNanos(this, next - now);
    }
  }
}
