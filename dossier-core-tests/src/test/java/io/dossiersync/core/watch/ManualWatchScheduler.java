package io.dossiersync.core.watch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * A {@link WatchScheduler} on a virtual clock: tasks run on the test's thread when it calls {@link
 * #runReady()} or {@link #advance}; timers fire only when the test moves the clock past them. Tasks
 * may be submitted from any thread (the watcher's event thread does).
 */
final class ManualWatchScheduler implements WatchScheduler {

  private record Timer(long at, long seq, Runnable task) {}

  private final Deque<Runnable> ready = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(Comparator.comparingLong(Timer::at).thenComparingLong(Timer::seq));
  private long now;
  private long seq;
  private int submitted;

  @Override
  public synchronized void execute(Runnable task) {
    ready.add(task);
    submitted++;
  }

  @Override
  public synchronized Runnable schedule(Runnable task, Duration delay) {
    Timer timer = new Timer(now + delay.toNanos(), seq++, task);
    timers.add(timer);
    return () -> {
      synchronized (this) {
        timers.remove(timer);
      }
    };
  }

  /** How many tasks were submitted with {@link #execute} so far. */
  synchronized int submitted() {
    return submitted;
  }

  /** Runs the submitted tasks, and those they submit, until none is left. */
  void runReady() {
    while (true) {
      Runnable task;
      synchronized (this) {
        task = ready.poll();
      }
      if (task == null) {
        return;
      }
      task.run();
    }
  }

  /** Moves the clock forward, running each timer that comes due, in order. */
  void advance(Duration by) {
    runReady();
    long until;
    synchronized (this) {
      until = now + by.toNanos();
    }
    while (true) {
      Timer next;
      synchronized (this) {
        next = timers.peek();
        if (next == null || next.at() > until) {
          now = until;
          break;
        }
        timers.poll();
        now = next.at();
      }
      next.task().run();
      runReady();
    }
    runReady();
  }
}
