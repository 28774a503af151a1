package io.dossiersync.testkit.fake;

import io.dossiersync.core.drain.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One scripted answer of a fake transport: a result (fixed or computed from the request), an
 * exception to throw, and an optional delay before either.
 *
 * <pre>{@code
 * transport.thenAnswer(
 *     ScriptedAnswer.returning(PushResults.indexEntryNotFound()),
 *     ScriptedAnswer.returning(PushResults.stored()).after(Duration.ofMillis(200)),
 *     ScriptedAnswer.throwing(new IllegalStateException("boom")));
 * }</pre>
 *
 * <p>Immutable and thread-safe (as long as a computing function is).
 *
 * @param <Q> the request type
 * @param <R> the result type
 * @since 0.1.0
 */
public final class ScriptedAnswer<Q, R> {

  private final Function<Q, R> reply;
  private final Duration delay;
  private final String description;

  private ScriptedAnswer(Function<Q, R> reply, Duration delay, String description) {
    this.reply = reply;
    this.delay = delay;
    this.description = description;
  }

  /**
   * An answer that returns {@code result}.
   *
   * @param result the result
   * @param <Q> the request type
   * @param <R> the result type
   * @return the answer
   */
  public static <Q, R> ScriptedAnswer<Q, R> returning(R result) {
    Objects.requireNonNull(result, "result");
    return new ScriptedAnswer<>(request -> result, Duration.ZERO, "return " + result);
  }

  /**
   * An answer computed from the request.
   *
   * @param reply the function; it may throw to simulate a failing transport
   * @param <Q> the request type
   * @param <R> the result type
   * @return the answer
   */
  public static <Q, R> ScriptedAnswer<Q, R> computing(Function<Q, R> reply) {
    Objects.requireNonNull(reply, "reply");
    return new ScriptedAnswer<>(reply, Duration.ZERO, "compute");
  }

  /**
   * An answer that throws {@code exception} (transports must not throw, but the drain engine must
   * survive one that does).
   *
   * @param exception the exception
   * @param <Q> the request type
   * @param <R> the result type
   * @return the answer
   */
  public static <Q, R> ScriptedAnswer<Q, R> throwing(RuntimeException exception) {
    Objects.requireNonNull(exception, "exception");
    return new ScriptedAnswer<>(
        request -> {
          throw exception;
        },
        Duration.ZERO,
        "throw " + exception.getClass().getSimpleName());
  }

  /**
   * The same answer, given only after {@code delay} has passed.
   *
   * @param delay the delay, zero or positive
   * @return a new answer
   */
  public ScriptedAnswer<Q, R> after(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0, got " + delay);
    }
    return new ScriptedAnswer<>(reply, delay, description);
  }

  /**
   * The delay before the answer.
   *
   * @return the delay, {@link Duration#ZERO} when none
   */
  public Duration delay() {
    return delay;
  }

  /**
   * Waits the delay with {@code sleeper}, then returns or throws. An interrupt ends the wait early;
   * the interrupt flag is restored.
   *
   * @param request the request being answered
   * @param sleeper how to wait
   * @return the result
   */
  public R answer(Q request, Sleeper sleeper) {
    if (!delay.isZero()) {
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return reply.apply(request);
  }

  @Override
  public String toString() {
    return delay.isZero() ? description : description + " after " + delay;
  }
}
