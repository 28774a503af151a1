package io.dossiersync.core.drain;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition the drain's threads make true, polling every 5 ms for up to 10 s. */
final class Eventually {

  private Eventually() {}

  /**
   * Returns once {@code condition} holds; fails with {@code failure}'s message, read at the
   * deadline, when it still does not after 10 s.
   */
  static void until(BooleanSupplier condition, Supplier<String> failure)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(failure.get());
      }
      Thread.sleep(5);
    }
  }
}
