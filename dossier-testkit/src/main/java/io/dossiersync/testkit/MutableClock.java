package io.dossiersync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that stands still until a test moves it, so that anything which waits for time to
 * pass (index lag, backoff, lease expiry) can be tested without sleeping.
 *
 * <p>Thread-safe: the instant is held in a volatile field and moved atomically. Moving it never
 * wakes anything up; code that sleeps on a real clock is not affected.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * clock.advance(Duration.ofSeconds(5));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MutableClock extends Clock {

  private final ZoneId zone;
  private volatile Instant now;

  private MutableClock(Instant now, ZoneId zone) {
    this.now = Objects.requireNonNull(now, "now");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * A clock standing at {@code start}, in UTC.
   *
   * @param start the first instant it shows
   * @return the clock
   */
  public static MutableClock at(Instant start) {
    return new MutableClock(start, ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far, zero or positive
   * @return the new instant
   */
  public synchronized Instant advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must be >= 0, got " + amount);
    }
    now = now.plus(amount);
    return now;
  }

  /**
   * Sets the clock to any instant, earlier ones included.
   *
   * @param instant the instant to show from now on
   */
  public synchronized void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * A separate clock showing the same instant in another zone; moving one does not move the other.
   *
   * @param newZone the zone
   * @return the new clock
   */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }
}
