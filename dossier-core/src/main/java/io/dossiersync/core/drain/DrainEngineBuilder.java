package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.EventTransport;
import io.dossiersync.core.transport.TokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link DrainEngine}. Every setting has a named default (see each setter); {@link
 * #build()} checks them all and names the field and its allowed range on a bad value. Not
 * thread-safe; use it from one thread.
 *
 * @since 0.1.0
 */
public final class DrainEngineBuilder {

  private @Nullable QueueStore store;
  private @Nullable ContentTransport content;
  private @Nullable EventTransport events;
  private @Nullable TokenProvider tokens;
  private SyncConsent consent = SyncConsent.allowAll();
  private ProjectScope projectScope = ProjectScope.all();
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.system();
  private @Nullable LongSupplier nanoTime;
  private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
  private int concurrency = DrainEngine.DEFAULT_CONCURRENCY;
  private int eventBatchSize = DrainEngine.DEFAULT_EVENT_BATCH_SIZE;
  private int bodyClaimBatchSize = DrainEngine.DEFAULT_BODY_CLAIM_BATCH_SIZE;
  private Duration leaseDuration = DrainEngine.DEFAULT_LEASE_DURATION;
  private int retryCeiling = DrainEngine.DEFAULT_RETRY_CEILING;
  private Duration maxRetryAfter = Backoff.DEFAULT_MAX_RETRY_AFTER;
  private DrainListener listener = DrainListener.noop();
  private Runnable abortInFlight = () -> {};
  private @Nullable ThreadFactory senderThreads;

  DrainEngineBuilder() {}

  /**
   * The queue to drain. Required.
   *
   * @param value the store; the caller keeps owning it
   * @return this builder
   */
  public DrainEngineBuilder queueStore(QueueStore value) {
    this.store = Objects.requireNonNull(value, "queueStore");
    return this;
  }

  /**
   * Where bodies go. Required.
   *
   * @param value the transport; the caller keeps owning it
   * @return this builder
   */
  public DrainEngineBuilder contentTransport(ContentTransport value) {
    this.content = Objects.requireNonNull(value, "contentTransport");
    return this;
  }

  /**
   * Where events go. Required.
   *
   * @param value the transport; the caller keeps owning it
   * @return this builder
   */
  public DrainEngineBuilder eventTransport(EventTransport value) {
    this.events = Objects.requireNonNull(value, "eventTransport");
    return this;
  }

  /**
   * The token source the transports use, asked to refresh after a 401. Required.
   *
   * @param value the provider
   * @return this builder
   */
  public DrainEngineBuilder tokenProvider(TokenProvider value) {
    this.tokens = Objects.requireNonNull(value, "tokenProvider");
    return this;
  }

  /**
   * Which projects may be sent. Default {@link SyncConsent#allowAll()}.
   *
   * @param value the consent port
   * @return this builder
   */
  public DrainEngineBuilder consent(SyncConsent value) {
    this.consent = Objects.requireNonNull(value, "consent");
    return this;
  }

  /**
   * Which projects this engine drains at all ({@code dossier drain --project}), on top of consent.
   * Default {@link ProjectScope#all()}.
   *
   * @param value the scope
   * @return this builder
   */
  public DrainEngineBuilder projectScope(ProjectScope value) {
    this.projectScope = Objects.requireNonNull(value, "projectScope");
    return this;
  }

  /**
   * The wall clock for what the queue persists: claim and lease times, due times, failure times.
   * Default {@link Clock#systemUTC()}.
   *
   * @param value the clock
   * @return this builder
   */
  public DrainEngineBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * The monotonic clock, in nanoseconds, for what happens in this process only: the duration of
   * each request ({@link TaskResult#duration()}) and when the leases held are renewed. Default
   * {@link System#nanoTime()}, or, when a {@link #clock(Clock)} other than the system clock was set
   * (a test clock), that clock's milliseconds, so that moving it moves the deadlines too.
   *
   * @param value a monotonic nanosecond counter
   * @return this builder
   */
  public DrainEngineBuilder nanoTime(LongSupplier value) {
    this.nanoTime = Objects.requireNonNull(value, "nanoTime");
    return this;
  }

  /**
   * How {@link DrainEngine#drainUntilEmpty} waits. Default {@link Sleeper#system()}.
   *
   * @param value the sleeper
   * @return this builder
   */
  public DrainEngineBuilder sleeper(Sleeper value) {
    this.sleeper = Objects.requireNonNull(value, "sleeper");
    return this;
  }

  /**
   * The jitter source of {@link Backoff}: numbers in {@code [0, 1]}. Default {@link
   * ThreadLocalRandom}.
   *
   * @param value the source; called from several threads
   * @return this builder
   */
  public DrainEngineBuilder jitter(DoubleSupplier value) {
    this.jitter = Objects.requireNonNull(value, "jitter");
    return this;
  }

  /**
   * Bodies in flight at once, 1 to 64. Default {@value DrainEngine#DEFAULT_CONCURRENCY}.
   *
   * @param value the concurrency
   * @return this builder
   */
  public DrainEngineBuilder concurrency(int value) {
    this.concurrency = value;
    return this;
  }

  /**
   * Events per batch, 1 to 1,000. Default {@value DrainEngine#DEFAULT_EVENT_BATCH_SIZE}.
   *
   * @param value the batch size
   * @return this builder
   */
  public DrainEngineBuilder eventBatchSize(int value) {
    this.eventBatchSize = value;
    return this;
  }

  /**
   * Bodies claimed at a time, and completed together, 1 to 1,000; it sets the drain's memory bound
   * (see {@link DrainEngine}). Default {@value DrainEngine#DEFAULT_BODY_CLAIM_BATCH_SIZE}.
   *
   * @param value the claim batch size
   * @return this builder
   */
  public DrainEngineBuilder bodyClaimBatchSize(int value) {
    this.bodyClaimBatchSize = value;
    return this;
  }

  /**
   * How long a claim protects its tasks from other drainers, 1 second to 24 hours; it must outlast
   * the sends of one claim batch. Default 10 minutes.
   *
   * @param value the lease duration
   * @return this builder
   */
  public DrainEngineBuilder leaseDuration(Duration value) {
    this.leaseDuration = Objects.requireNonNull(value, "leaseDuration");
    return this;
  }

  /**
   * The failure count at which a task goes to the failure records, 1 to 1,000. Default {@value
   * DrainEngine#DEFAULT_RETRY_CEILING}.
   *
   * @param value the ceiling
   * @return this builder
   */
  public DrainEngineBuilder retryCeiling(int value) {
    this.retryCeiling = value;
    return this;
  }

  /**
   * The cap on a receiver's Retry-After, 1 second to 24 hours. Default 1 hour.
   *
   * @param value the cap
   * @return this builder
   */
  public DrainEngineBuilder maxRetryAfter(Duration value) {
    this.maxRetryAfter = Objects.requireNonNull(value, "maxRetryAfter");
    return this;
  }

  /**
   * Receives every task result and drain summary. Default {@link DrainListener#noop()}.
   *
   * @param value the listener
   * @return this builder
   */
  public DrainEngineBuilder listener(DrainListener value) {
    this.listener = Objects.requireNonNull(value, "listener");
    return this;
  }

  /**
   * What aborts the requests in flight when {@link DrainEngine#drainUntilEmpty}'s time is up:
   * called once, from the round thread, when the deadline passes with requests still in flight,
   * e.g. {@code transports::close} for transports that abort every exchange on close. Their tasks
   * then stay queued, given back without a retry counted. Default: nothing (the drain waits for the
   * requests, each bounded by its transport's deadline).
   *
   * @param value the abort action; it must not block for long
   * @return this builder
   */
  public DrainEngineBuilder abortInFlight(Runnable value) {
    this.abortInFlight = Objects.requireNonNull(value, "abortInFlight");
    return this;
  }

  /**
   * Where the engine's sender threads come from, for a host that names, groups or instruments its
   * threads (a container's managed thread factory, a context-propagating one). The engine asks it
   * for at most {@code concurrency} threads and shuts them down on {@link DrainEngine#close()}; the
   * factory itself is the host's and is never closed. Default: daemon threads named {@code
   * dossier-drain-<n>-send-<i>}.
   *
   * @param value the factory
   * @return this builder
   */
  public DrainEngineBuilder threadFactory(ThreadFactory value) {
    this.senderThreads = Objects.requireNonNull(value, "threadFactory");
    return this;
  }

  /**
   * Checks the settings and starts the engine's send threads.
   *
   * @return the engine; close it to stop its threads
   * @throws IllegalArgumentException naming the first missing or out-of-range setting
   */
  public DrainEngine build() {
    QueueStore s = required(store, "queueStore");
    ContentTransport c = required(content, "contentTransport");
    EventTransport e = required(events, "eventTransport");
    TokenProvider t = required(tokens, "tokenProvider");
    range("concurrency", concurrency, 64);
    range("eventBatchSize", eventBatchSize, 1_000);
    range("bodyClaimBatchSize", bodyClaimBatchSize, 1_000);
    range("retryCeiling", retryCeiling, 1_000);
    duration("leaseDuration", leaseDuration);
    duration("maxRetryAfter", maxRetryAfter);
    return new DrainEngine(
        new DrainSettings(
            s,
            c,
            e,
            t,
            consent,
            projectScope,
            clock,
            monotonic(),
            sleeper,
            new Backoff(jitter, maxRetryAfter),
            concurrency,
            eventBatchSize,
            bodyClaimBatchSize,
            leaseDuration,
            retryCeiling,
            listener,
            abortInFlight,
            senderThreads));
  }

  /**
   * The monotonic clock: the one set, else {@link System#nanoTime()} under the system clock, else
   * (a clock set for tests) one that follows the set clock, so that a test moving its clock moves
   * the drain's deadlines too.
   */
  private LongSupplier monotonic() {
    if (nanoTime != null) {
      return nanoTime;
    }
    if (clock.equals(Clock.systemUTC())) {
      return System::nanoTime;
    }
    Clock fixed = clock;
    return () -> fixed.millis() * 1_000_000L;
  }

  private static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  private static void range(String field, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(
          field + " must be between 1 and " + max + ", got " + value);
    }
  }

  private static void duration(String field, Duration value) {
    if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          field + " must be between 1 second and 24 hours, got " + value);
    }
  }
}
