package io.dossiersync.micrometer;

import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.pipeline.SyncCounts;
import io.dossiersync.core.pipeline.SyncListener;
import io.dossiersync.core.queue.QueueStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer metrics for dossier-sync: a {@link DrainListener} and a {@link SyncListener} that
 * count and time what happens, plus gauges over the queue's statistics.
 *
 * <pre>{@code
 * DossierMetrics metrics = DossierMetrics.create(registry);
 * DossierSync dossier = DossierSync.builder(serverUrl).tokenProvider(tokens)
 *     .listener(metrics).syncListener(metrics).build();
 * metrics.bindQueueStats(dossier::stats);
 * }</pre>
 *
 * <p><b>Meters</b> (names use Micrometer's dot notation; each registry renders them its way):
 *
 * <ul>
 *   <li>{@value #TASKS} counter, tags {@code kind} ({@code event}, {@code body}), {@code status}
 *       ({@code sent}, {@code uploaded}, {@code already_exists}, {@code retry}, {@code failed},
 *       {@code released}) and {@code reason} (the reason code without its detail, e.g. {@code
 *       http_503}, {@code retry_ceiling}).
 *   <li>{@value #REQUESTS} timer, tags {@code kind}, {@code status} and {@code http_status} ({@code
 *       0} when no answer arrived): one sample per task result that carried a request. An event
 *       records its whole batch's request, so for {@code kind=event} the count is of events and
 *       each sample is its batch's duration.
 *   <li>{@value #ROUNDS} counter, tag {@code auth_paused}: drain rounds that ended.
 *   <li>{@value #SYNCED} counter, tags {@code kind} and {@code outcome} ({@code enqueued}, {@code
 *       superseded}, {@code already_queued}, {@code skipped}, {@code failed}): what each feature's
 *       sync did to the queues.
 *   <li>{@value #PENDING} gauge, tag {@code kind}; {@value #OLDEST_AGE} gauge (seconds, the oldest
 *       queued body, 0 when none); {@value #FAILURES} gauge (failure records), once {@link
 *       #bindQueueStats} is called.
 * </ul>
 *
 * <p><b>Cost:</b> the counters and timers cost a map lookup per task. The gauges never query the
 * store per scrape: the statistics are read at most once per {@code statsCacheFor} (default {@value
 * #DEFAULT_STATS_CACHE_SECONDS} s), whatever the number of gauges or scrapes. When reading them
 * fails the gauges keep their last value.
 *
 * <p>Thread-safe (the drain calls it from several threads). It owns nothing that needs closing: the
 * registry and the statistics source stay the host's.
 *
 * @since 0.1.0
 */
public final class DossierMetrics implements DrainListener, SyncListener {

  /** Counter of drain task results. */
  public static final String TASKS = "dossier.drain.tasks";

  /** Timer of the requests that carried task results. */
  public static final String REQUESTS = "dossier.drain.requests";

  /** Counter of drain rounds. */
  public static final String ROUNDS = "dossier.drain.rounds";

  /** Counter of what feature syncs did to the queues. */
  public static final String SYNCED = "dossier.sync.tasks";

  /** Gauge of queued tasks. */
  public static final String PENDING = "dossier.queue.pending";

  /** Gauge of the oldest queued body's age, in seconds. */
  public static final String OLDEST_AGE = "dossier.queue.oldest.age";

  /** Gauge of failure records. */
  public static final String FAILURES = "dossier.queue.failures";

  /** Default time the sampled statistics are reused for, in seconds. */
  public static final long DEFAULT_STATS_CACHE_SECONDS = 2;

  private final MeterRegistry registry;
  private final Clock clock;
  private final Duration statsCacheFor;

  private DossierMetrics(MeterRegistry registry, Clock clock, Duration statsCacheFor) {
    this.registry = registry;
    this.clock = clock;
    this.statsCacheFor = statsCacheFor;
  }

  /**
   * Metrics on a registry, with the default cache of the statistics.
   *
   * @param registry where the meters go; the host keeps owning it
   * @return the metrics, to hand to the builders as listeners
   */
  public static DossierMetrics create(MeterRegistry registry) {
    return create(registry, Clock.systemUTC(), Duration.ofSeconds(DEFAULT_STATS_CACHE_SECONDS));
  }

  /**
   * Metrics on a registry, with the clock and the cache duration of the sampled statistics.
   *
   * @param registry where the meters go; the host keeps owning it
   * @param clock the clock that decides when the cached statistics are stale
   * @param statsCacheFor how long one read of the statistics serves the gauges, 0 to 1 minute
   * @return the metrics
   * @throws IllegalArgumentException when {@code statsCacheFor} is out of range
   */
  public static DossierMetrics create(MeterRegistry registry, Clock clock, Duration statsCacheFor) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(statsCacheFor, "statsCacheFor");
    if (statsCacheFor.isNegative() || statsCacheFor.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "statsCacheFor must be between 0 and 1 minute, got " + statsCacheFor);
    }
    return new DossierMetrics(registry, clock, statsCacheFor);
  }

  /**
   * Registers the queue gauges over a statistics source, e.g. {@code dossier::stats} or {@code ()
   * -> store.stats(clock.instant())}. Call it once per source.
   *
   * @param stats where the statistics come from; called at most once per cache period, from the
   *     thread that reads a gauge
   */
  public void bindQueueStats(Supplier<QueueStats> stats) {
    SampledStats sampled =
        new SampledStats(Objects.requireNonNull(stats, "stats"), clock, statsCacheFor);
    gauge(PENDING, sampled, s -> s.events().pending(), "kind", "event");
    gauge(PENDING, sampled, s -> s.bodies().pending(), "kind", "body");
    gauge(
        OLDEST_AGE,
        sampled,
        s -> s.bodies().oldestAge().map(age -> age.toMillis() / 1000.0).orElse(0.0));
    gauge(FAILURES, sampled, QueueStats::failures);
  }

  @Override
  public void onTask(TaskResult result) {
    String kind = result.kind().wireName();
    String status = result.status().wireName();
    Counter.builder(TASKS)
        .description("Drain task results by kind, status and reason code")
        .tags("kind", kind, "status", status, "reason", result.reasonCode())
        .register(registry)
        .increment();
    if (!result.duration().isZero()) {
      Timer.builder(REQUESTS)
          .description("Duration of the requests that carried drain tasks")
          .tags(
              "kind", kind, "status", status, "http_status", Integer.toString(result.httpStatus()))
          .register(registry)
          .record(result.duration());
    }
  }

  @Override
  public void onDrain(DrainReport report) {
    Counter.builder(ROUNDS)
        .description("Drain rounds ended")
        .tag("auth_paused", Boolean.toString(report.authPaused()))
        .register(registry)
        .increment();
  }

  @Override
  public void onFeatureSynced(SyncCounts counts) {
    synced("event", "enqueued", counts.eventsEnqueued());
    synced("event", "superseded", counts.eventsSuperseded());
    synced("body", "enqueued", counts.bodiesEnqueued());
    synced("body", "already_queued", counts.bodiesAlreadyQueued());
    synced("body", "superseded", counts.bodiesSuperseded());
    synced("body", "skipped", counts.bodiesSkipped());
    synced("body", "failed", counts.bodiesFailed());
  }

  private void synced(String kind, String outcome, int count) {
    Counter.builder(SYNCED)
        .description("What feature syncs did to the queues")
        .tags("kind", kind, "outcome", outcome)
        .register(registry)
        .increment(count);
  }

  private void gauge(
      String name, SampledStats sampled, ToDoubleFunction<QueueStats> value, String... tags) {
    Gauge.builder(name, sampled, s -> s.read(value))
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }
}
