package io.dossiersync.core.drain;

import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A body answer ({@link DrainFixture#answerBodies}) that holds every push until the test lets the
 * receiver answer (at the latest after 30 s), then gives its one result; it counts the pushes that
 * started, so a test can wait until the sends it expects are in flight.
 */
final class HeldPushes implements Function<PushContentRequest, PushResult> {

  private final CountDownLatch started;
  private final CountDownLatch answer = new CountDownLatch(1);
  private final PushResult result;

  /** Holds pushes, then answers them {@link DrainFixture#STORED}; see {@link #awaitStarted}. */
  HeldPushes(int starts) {
    this(starts, DrainFixture.STORED);
  }

  /**
   * Holds pushes, then answers them {@code result}; {@link #awaitStarted} waits for {@code starts}.
   */
  HeldPushes(int starts, PushResult result) {
    this.started = new CountDownLatch(starts);
    this.result = result;
  }

  @Override
  public PushResult apply(PushContentRequest request) {
    started.countDown();
    try {
      answer.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return result;
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
