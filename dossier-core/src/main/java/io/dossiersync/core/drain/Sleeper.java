package io.dossiersync.core.drain;

import java.time.Duration;

/**
 * How the drain waits: {@link DrainEngine#drainUntilEmpty} sleeps through it until the next task is
 * due, so tests can record the exact delays and move a clock instead of waiting.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long, never negative
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real sleeper, {@link Thread#sleep(long)}.
   *
   * @return a sleeper that blocks the calling thread
   */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
