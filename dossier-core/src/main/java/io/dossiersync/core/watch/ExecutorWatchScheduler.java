package io.dossiersync.core.watch;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watcher's default {@link WatchScheduler}: one named thread. Idle, it blocks on its delay
 * queue until the next timer (a debounce or the rescan), so it costs no CPU. An exception of a task
 * is logged and the thread goes on; an {@link Error} is logged and ends the thread.
 */
final class ExecutorWatchScheduler implements WatchScheduler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorWatchScheduler.class);

  private final ScheduledThreadPoolExecutor executor;

  ExecutorWatchScheduler(String threadName) {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread thread = new Thread(r, threadName);
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public void execute(Runnable task) {
    try {
      executor.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      LOG.debug("watcher stopped; task dropped");
    }
  }

  @Override
  public Runnable schedule(Runnable task, Duration delay) {
    try {
      Future<?> future = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> {};
    }
  }

  /**
   * Runs {@code task} on the thread and waits for it and the tasks before it, at most {@code
   * timeout}; then stops the thread (timers not yet due are dropped).
   *
   * @return true when the thread ended within the timeout
   */
  boolean shutdown(Runnable last, Duration timeout) throws InterruptedException {
    execute(last);
    executor.shutdown();
    return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("watcher task failed; the watcher goes on: {}", e.toString(), e);
      } catch (Error e) {
        LOG.error("watcher task failed with an error; the watcher stops: {}", e.toString(), e);
        throw e;
      }
    };
  }
}
