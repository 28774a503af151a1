package io.dossiersync.cli;

import io.dossiersync.core.drain.DrainEngine;
import picocli.CommandLine.Option;

/**
 * {@code --concurrency N} of {@code sync}, {@code drain} and {@code watch} (PRODUCT.md §6): how
 * many bodies are in flight at once, 1 to 64, default {@value DrainEngine#DEFAULT_CONCURRENCY}. A
 * value out of range or not a number is bad usage (exit 2, one line, nothing queued or sent).
 */
final class ConcurrencyOption {

  /** The most bodies in flight a command accepts. */
  static final int MAX = 64;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description =
          "Bodies in flight at once, 1 to "
              + MAX
              + " (default "
              + DrainEngine.DEFAULT_CONCURRENCY
              + ").")
  String concurrency;

  /**
   * The checked value.
   *
   * @throws CliException (exit 2) when it is not a whole number from 1 to {@value #MAX}
   */
  int value() {
    if (concurrency == null) {
      return DrainEngine.DEFAULT_CONCURRENCY;
    }
    int value;
    try {
      value = Integer.parseInt(concurrency.strip());
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value < 1 || value > MAX) {
      throw CliException.usage(
          "--concurrency must be a whole number from 1 to " + MAX + ", got '" + concurrency + "'");
    }
    return value;
  }
}
