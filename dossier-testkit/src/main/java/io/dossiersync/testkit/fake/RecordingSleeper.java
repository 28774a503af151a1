package io.dossiersync.testkit.fake;

import io.dossiersync.core.drain.Sleeper;
import io.dossiersync.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Sleeper} that never blocks: it records every requested sleep and moves a {@link
 * MutableClock} forward by it, so that a drain's waits (backoff, idle polls, auth pauses) pass in
 * virtual time and a test can assert them.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
 * DrainEngine.builder().clock(clock).sleeper(sleeper)...;
 * assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final MutableClock clock;

  private RecordingSleeper(MutableClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A sleeper that advances {@code clock} by each sleep.
   *
   * @param clock the clock to move
   * @return a new sleeper with no sleeps recorded
   */
  public static RecordingSleeper advancing(MutableClock clock) {
    return new RecordingSleeper(clock);
  }

  /**
   * Records the sleep and moves the clock by it; returns at once.
   *
   * @param duration how long, zero or positive
   * @throws IllegalArgumentException when {@code duration} is negative
   */
  @Override
  public void sleep(Duration duration) {
    clock.advance(duration);
    sleeps.add(duration);
  }

  /**
   * The sleeps requested so far, in order.
   *
   * @return a snapshot
   */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Forgets the sleeps recorded so far (the clock stays where it is). */
  public void clear() {
    sleeps.clear();
  }
}
