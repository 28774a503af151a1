package io.dossiersync.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as a request to stop, for the commands that run until stopped ({@code watch}):
 * the signal only opens a latch, so the command finishes its work on its own thread and exits with
 * its own code (0), where a JVM shutdown hook would exit 130/143 with the work cut short. Where the
 * JVM refuses a handler (e.g. a signal ignored by {@code nohup}), that signal keeps its default.
 */
final class StopSignal {

  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile String received = "";

  private StopSignal() {}

  /** Installs the handlers of INT and TERM. */
  static StopSignal install() {
    StopSignal signal = new StopSignal();
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), s -> signal.trigger("SIG" + s.getName()));
      } catch (IllegalArgumentException e) {
        // this JVM reserves or ignores the signal: it keeps its default behaviour
      }
    }
    return signal;
  }

  /** Asks to stop, as the signal does. */
  void trigger(String why) {
    received = why;
    stop.countDown();
  }

  /** Blocks until a stop is asked for. */
  void await() throws InterruptedException {
    stop.await();
  }

  /**
   * Blocks until a stop is asked for, at most {@code timeout}.
   *
   * @return true when a stop was asked for
   */
  boolean await(Duration timeout) throws InterruptedException {
    return stop.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The name of the signal received, empty before. */
  String received() {
    return received;
  }
}
