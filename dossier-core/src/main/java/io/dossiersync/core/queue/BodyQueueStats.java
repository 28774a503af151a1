package io.dossiersync.core.queue;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Body queue counts and shape at one instant.
 *
 * @param pending every task in the queue
 * @param ready tasks claimable now ({@code next_attempt_at <= now}, no unexpired lease)
 * @param inBackoff tasks waiting for a later {@code next_attempt_at}
 * @param oldestAge age of the oldest task, empty when the queue is empty
 * @param retryHistogram number of tasks per retry count
 * @param byFeature number of tasks per feature slug
 * @since 0.1.0
 */
public record BodyQueueStats(
    long pending,
    long ready,
    long inBackoff,
    Optional<Duration> oldestAge,
    SortedMap<Integer, Long> retryHistogram,
    SortedMap<String, Long> byFeature) {

  /** Copies the maps and checks that no field is null. */
  public BodyQueueStats {
    Objects.requireNonNull(oldestAge, "oldestAge");
    retryHistogram = Collections.unmodifiableSortedMap(new TreeMap<>(retryHistogram));
    byFeature = Collections.unmodifiableSortedMap(new TreeMap<>(byFeature));
  }
}
