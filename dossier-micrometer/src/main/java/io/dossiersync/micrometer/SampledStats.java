package io.dossiersync.micrometer;

import io.dossiersync.core.queue.QueueStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue statistics read at most once per cache period, however many gauges and scrapes ask: a
 * scrape burst costs one store query. A failed read keeps the last statistics (NaN before the first
 * success). Thread-safe.
 */
final class SampledStats {

  private static final Logger LOG = LoggerFactory.getLogger(SampledStats.class);

  private final Supplier<QueueStats> source;
  private final Clock clock;
  private final Duration cacheFor;
  private @Nullable QueueStats last;
  private @Nullable Instant readAt;
  private long reads;

  SampledStats(Supplier<QueueStats> source, Clock clock, Duration cacheFor) {
    this.source = source;
    this.clock = clock;
    this.cacheFor = cacheFor;
  }

  /**
   * One value of the (possibly cached) statistics.
   *
   * @param value what to take from them
   * @return the value, NaN when no read has succeeded yet
   */
  synchronized double read(ToDoubleFunction<QueueStats> value) {
    Instant now = clock.instant();
    if (readAt == null || !now.isBefore(readAt.plus(cacheFor))) {
      readAt = now;
      reads++;
      try {
        last = source.get();
      } catch (RuntimeException e) {
        // Keep the last statistics: a gauge must never throw into the registry's scrape.
        LOG.warn(
            "reading the queue statistics for the gauges failed; they keep their last"
                + " values: {}",
            e.toString());
      }
    }
    return last == null ? Double.NaN : value.applyAsDouble(last);
  }

  /** How many times the source was asked, for tests. */
  synchronized long reads() {
    return reads;
  }
}
