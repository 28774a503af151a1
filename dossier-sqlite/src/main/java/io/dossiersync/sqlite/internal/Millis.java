package io.dossiersync.sqlite.internal;

import java.time.Instant;

/** Times are stored as epoch milliseconds (UTC); this converts both ways. Stateless. */
final class Millis {

  private Millis() {}

  static long of(Instant instant) {
    return instant.toEpochMilli();
  }

  static Instant toInstant(long millis) {
    return Instant.ofEpochMilli(millis);
  }
}
