package io.dossiersync.cli;

import java.util.Arrays;

/**
 * Sets up slf4j-simple before the first logger exists: everything on stderr, warnings only by
 * default; with {@code --verbose} INFO summaries and one DEBUG line per artifact. Already-set
 * system properties win, except for HttpClient 5's wire and header loggers, which are pinned off
 * (they would print the {@code Authorization} header; PRODUCT.md §4.4). This is the CLI's own
 * process: a library never sets system properties.
 */
final class Logging {

  /** HttpClient 5's loggers that show request bytes and headers, the token among them. */
  static final String[] HTTP_WIRE_LOGGERS = {
    "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers"
  };

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
    for (String logger : HTTP_WIRE_LOGGERS) {
      System.setProperty("org.slf4j.simpleLogger.log." + logger, "off");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
