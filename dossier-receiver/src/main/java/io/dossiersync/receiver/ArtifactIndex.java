package io.dossiersync.receiver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The receiver's materialized index: the body keys announced by {@code
 * MissionDossierArtifactIndexed} events, each visible from its arrival plus the configured lag (by
 * the receiver's clock). A key announced again keeps its first visibility time. Thread-safe.
 */
final class ArtifactIndex {

  private final Map<BodyKey, Instant> visibleFrom = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile Duration lag;
  private volatile boolean required;

  ArtifactIndex(Clock clock, Duration lag, boolean required) {
    this.clock = clock;
    this.lag = lag;
    this.required = required;
  }

  void lag(Duration newLag) {
    lag = newLag;
  }

  void required(boolean isRequired) {
    required = isRequired;
  }

  void materialize(BodyKey key) {
    visibleFrom.putIfAbsent(key, clock.instant().plus(lag));
  }

  /** Whether a push for {@code key} may be stored now. */
  boolean admits(BodyKey key) {
    if (!required) {
      return true;
    }
    Instant from = visibleFrom.get(key);
    return from != null && !clock.instant().isBefore(from);
  }

  int size() {
    return visibleFrom.size();
  }
}
