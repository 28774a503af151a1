package io.dossiersync.core.drain;

import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A body answer ({@link DrainFixture#answerBodies}) that holds every push until the test lets the
 * receiver answer, then answers {@link DrainFixture#STORED}; it counts the pushes that started, so
 * a test can wait until the sends it expects are in flight.
 */
final class HeldPushes implements Function<PushContentRequest, PushResult> {

  private final CountDownLatch started;
  private final CountDownLatch answer = new CountDownLatch(1);

  /** Holds pushes; {@link #awaitStarted} waits for {@code starts} of them. */
  HeldPushes(int starts) {
    started = new CountDownLatch(starts);
  }

  @Override
  public PushResult apply(PushContentRequest request) {
    started.countDown();
    try {
      answer.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DrainFixture.STORED;
  }

  /** Whether the expected pushes started within 20 s. */
  boolean awaitStarted() throws InterruptedException {
    return started.await(20, TimeUnit.SECONDS);
  }

  /** Lets the receiver answer every held push, and every later one at once. */
  void answer() {
    answer.countDown();
  }
}
