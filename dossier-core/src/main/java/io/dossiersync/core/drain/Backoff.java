package io.dossiersync.core.drain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The per-task retry delay of PRODUCT.md §4.3: after the n-th consecutive failure a task waits
 * {@code min(2^(n-1), 300)} seconds (1, 2, 4, … 256, then 300) plus a jitter of up to 10% of that,
 * or the receiver's Retry-After when longer, capped at {@code maxRetryAfter} (1 hour by default).
 * Pure: the jitter source is injected. Immutable and thread-safe when the jitter source is.
 *
 * @since 0.1.0
 */
public final class Backoff {

  /** The longest backoff step: 300 seconds. */
  public static final Duration MAX_STEP = Duration.ofSeconds(300);

  /** The default cap on a receiver's Retry-After: 1 hour. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(1);

  /** The largest jitter, as a fraction of the step. */
  public static final double MAX_JITTER = 0.10;

  private final DoubleSupplier jitter;
  private final Duration maxRetryAfter;

  /**
   * Creates a policy.
   *
   * @param jitter a source of numbers in {@code [0, 1]}; values outside are clamped. {@code 0} adds
   *     no jitter, {@code 1} adds the full 10%
   * @param maxRetryAfter the cap on a receiver's Retry-After, positive
   */
  public Backoff(DoubleSupplier jitter, Duration maxRetryAfter) {
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxRetryAfter.isNegative() || maxRetryAfter.isZero()) {
      throw new IllegalArgumentException("maxRetryAfter must be positive, got " + maxRetryAfter);
    }
    this.maxRetryAfter = maxRetryAfter;
  }

  /**
   * The step without jitter after the n-th consecutive failure.
   *
   * @param failures n, at least 1
   * @return {@code min(2^(n-1), 300)} seconds
   */
  public static Duration step(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be >= 1, got " + failures);
    }
    return failures > 9 ? MAX_STEP : Duration.ofSeconds(1L << (failures - 1));
  }

  /**
   * The delay after the n-th consecutive failure.
   *
   * @param failures n, at least 1
   * @param retryAfter the delay the receiver asked for, if any
   * @return the step plus jitter, or the capped Retry-After when that is longer
   */
  public Duration delay(int failures, Optional<Duration> retryAfter) {
    Duration step = step(failures);
    double fraction = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    Duration jittered = step.plusMillis(Math.round(step.toMillis() * MAX_JITTER * fraction));
    Duration asked = retryAfter.filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    Duration capped = asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    return capped.compareTo(jittered) > 0 ? capped : jittered;
  }

  /**
   * When a task that just failed may be tried again.
   *
   * @param now the time of the failure
   * @param failures n, the task's consecutive failures including this one
   * @param retryAfter the delay the receiver asked for, if any
   * @return {@code now + delay(failures, retryAfter)}
   */
  public Instant nextAttempt(Instant now, int failures, Optional<Duration> retryAfter) {
    return now.plus(delay(failures, retryAfter));
  }
}
