package io.dossiersync.core.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Generates ULIDs: 26 Crockford base32 characters, a 48-bit millisecond timestamp followed by 80
 * random bits, so that ids sort by creation time.
 *
 * <p>Within one millisecond the generator is monotonic: the next id increments the previous random
 * part by one instead of drawing new bits, so ids of one generator are strictly increasing even
 * when the clock stands still or steps back (the last timestamp is kept). The clock and the random
 * source are injected; the default is {@link Clock#systemUTC()} and a {@link SecureRandom}.
 * Thread-safe (the state is guarded by the instance lock).
 */
public final class UlidGenerator implements Supplier<String> {

  /** The length of a ULID in characters. */
  public static final int LENGTH = 26;

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final long MAX_TIME = (1L << 48) - 1;
  private static final long HIGH_MASK = 0xFFFFL;

  private final Clock clock;
  private final RandomGenerator random;
  private long lastTime = -1;
  private long randomHigh;
  private long randomLow;

  /**
   * Creates a generator.
   *
   * @param clock the clock that gives the time part
   * @param random the source of the random part
   */
  public UlidGenerator(Clock clock, RandomGenerator random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Creates a generator on the system UTC clock and a {@link SecureRandom}. */
  public UlidGenerator() {
    this(Clock.systemUTC(), new SecureRandom());
  }

  /**
   * The next ULID.
   *
   * @return 26 upper-case Crockford base32 characters
   */
  public synchronized String next() {
    long now = clock.millis();
    if (now < 0 || now > MAX_TIME) {
      throw new IllegalStateException("clock time " + now + " ms is outside the ULID range");
    }
    if (now <= lastTime) {
      randomLow++;
      if (randomLow == 0) {
        randomHigh = (randomHigh + 1) & HIGH_MASK;
      }
    } else {
      lastTime = now;
      randomHigh = random.nextLong() & HIGH_MASK;
      randomLow = random.nextLong();
    }
    return encode(lastTime, randomHigh, randomLow);
  }

  /** Same as {@link #next()}. */
  @Override
  public String get() {
    return next();
  }

  static String encode(long time, long high16, long low64) {
    char[] out = new char[LENGTH];
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    // 80 random bits = 16 characters; take them from the low end, 5 bits at a time.
    long low = low64;
    long high = high16;
    for (int i = LENGTH - 1; i >= 10; i--) {
      out[i] = ALPHABET[(int) (low & 31)];
      low = (low >>> 5) | ((high & 31) << 59);
      high >>>= 5;
    }
    return new String(out);
  }
}
