package io.dossiersync.cli;

import java.util.Arrays;

/**
 * Sets up slf4j-simple before the first logger exists: everything on stderr, warnings only by
 * default; with {@code --verbose} INFO summaries and one DEBUG line per artifact. Already-set
 * system properties win.
 */
final class Logging {

  private Logging() {}

  static void configure(String[] args) {
    boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.io.dossiersync", verbose ? "debug" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.log.org.jooq", "warn");
    setIfAbsent("org.jooq.no-logo", "true");
    setIfAbsent("org.jooq.no-tips", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
