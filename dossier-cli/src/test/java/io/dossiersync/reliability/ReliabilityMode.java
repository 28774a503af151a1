package io.dossiersync.reliability;

/**
 * How hard the reliability suite pushes: CI mode by default (a few rounds, the whole package in
 * well under three minutes on two cores), full mode with {@code -Dreliability.full=true} (at least
 * 20 kill rounds, bigger checkouts, the real corpus when present). The seed of every random choice
 * is {@code -Dreliability.seed} (default fixed), printed by each test so a failing round can be
 * replayed.
 */
final class ReliabilityMode {

  private static final long DEFAULT_SEED = 20_261_126L;

  private ReliabilityMode() {}

  /** Whether {@code -Dreliability.full=true} was given. */
  static boolean full() {
    return Boolean.getBoolean("reliability.full");
  }

  /** The seed of the suite's random choices. */
  static long seed() {
    return Long.getLong("reliability.seed", DEFAULT_SEED);
  }

  /** {@code ci} in CI mode, {@code full} otherwise. */
  static int pick(int ci, int full) {
    return full() ? full : ci;
  }

  /** A name for logs. */
  static String name() {
    return full() ? "full" : "ci";
  }
}
