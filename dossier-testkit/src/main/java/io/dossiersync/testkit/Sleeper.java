package io.dossiersync.testkit;

import java.time.Duration;

/**
 * Waits for a while; the fakes and the reference receiver use it for delays, so that tests can
 * replace real sleeping with a recording stub.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Blocks for {@code duration}.
   *
   * @param duration how long, zero or positive
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real one: {@link Thread#sleep(long)}.
   *
   * @return a sleeper that really sleeps
   */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
