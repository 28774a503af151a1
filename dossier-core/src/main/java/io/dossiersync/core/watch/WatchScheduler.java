package io.dossiersync.core.watch;

import java.time.Duration;

/**
 * Where the watcher runs its work: every task on one thread, in order, so one thread owns the
 * watcher's state (STYLE rule 16). The seam that lets tests of the debounce run on a virtual clock;
 * the default is {@link ExecutorWatchScheduler}.
 */
interface WatchScheduler {

  /** Runs {@code task} soon, after the tasks already submitted. */
  void execute(Runnable task);

  /**
   * Runs {@code task} after {@code delay}, unless cancelled first.
   *
   * @return what cancels it; cancelling a task that ran or was cancelled does nothing
   */
  Runnable schedule(Runnable task, Duration delay);
}
