package io.dossiersync.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Prints figures, one line each ({@code <scenario> <name>: <value> [target ...: met|MISSED]}), and
 * computes medians. Not thread-safe; used from the scenario's main thread.
 */
final class Figures {

  private final String scenario;
  private boolean allMet = true;

  Figures(String scenario) {
    this.scenario = scenario;
  }

  /** Prints a figure without a target. */
  void line(String name, String format, Object... values) {
    System.out.println(scenario + " " + name + ": " + String.format(Locale.ROOT, format, values));
  }

  /** Prints a ratio with its target; {@code atMost} true means the ratio must not exceed it. */
  void ratio(String name, double ratio, double target, boolean atMost, String detail) {
    boolean met = atMost ? ratio <= target : ratio >= target;
    allMet &= met;
    System.out.println(
        String.format(
            Locale.ROOT,
            "%s %s: %.2fx (target %s %.1fx: %s) %s",
            scenario,
            name,
            ratio,
            atMost ? "<=" : ">=",
            target,
            met ? "met" : "MISSED",
            detail));
  }

  /** Prints a pass/fail figure. */
  void verdict(String name, boolean met, String detail) {
    allMet &= met;
    System.out.println(scenario + " " + name + ": " + (met ? "pass" : "FAIL") + " " + detail);
  }

  boolean allMet() {
    return allMet;
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static String millis(List<Long> nanos) {
    return nanos.stream().map(n -> String.valueOf(n / 1_000_000)).toList().toString();
  }

  static int intArg(String[] args, int index, int fallback, String name) {
    if (args.length <= index) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(args[index]);
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + args[index] + "'", e);
    }
  }
}
