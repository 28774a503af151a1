package io.dossiersync.core.drain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link DrainEngine} in the background (PRODUCT.md §5): one scheduler thread drains, then
 * waits until the next task is due (at most {@code maxPollInterval}), never in a busy loop. {@link
 * #wakeUp()} starts a drain at once; hosts call it after they enqueue.
 *
 * <pre>{@code
 * BackgroundSync sync = BackgroundSync.builder(engine).build();
 * sync.start();
 * pipeline.syncFeatureDossier(featureDir, namespace);   // enqueues
 * sync.wakeUp();
 * ...
 * sync.stop(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p><b>Failures:</b> an exception from the store, a transport or a listener is logged and the
 * service keeps running; the engine keeps the affected task with backoff when it can, else its
 * lease expires and it is sent again. When the receiver rejects the token and no fresh one comes,
 * the service is {@link ServiceState.Phase#AUTH_PAUSED} for {@code authPause} before trying again
 * (a {@link #wakeUp()} does not shorten that pause). An {@link Error} (e.g. {@code
 * OutOfMemoryError}) is never swallowed: it is logged at ERROR, the service stops ({@link
 * ServiceState.Phase#STOPPED}, the reason naming the error) and the scheduler thread ends with it.
 * {@link #state()} tells a host which of these holds.
 *
 * <p><b>Shutdown:</b> {@link #stop(Duration)} stops claiming, lets the sends in flight finish up to
 * the timeout, and releases claimed tasks that were not sent: every task ends either finished or
 * still queued. A send still running after the timeout records its result when it ends, or, if the
 * process exits first, its task is sent again once its lease expires (at least once). Thread-safe.
 *
 * @since 0.1.0
 */
public final class BackgroundSync implements AutoCloseable {

  /** Default longest wait between two drains. */
  public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(30);

  /** Default pause after the token was rejected. */
  public static final Duration DEFAULT_AUTH_PAUSE = Duration.ofSeconds(60);

  /** Default shutdown timeout of {@link #close()}. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundSync.class);

  private final DrainEngine engine;
  private final Duration maxPollInterval;
  private final Duration authPause;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Thread thread;
  private boolean wakeRequested;
  private boolean started;
  private volatile boolean stopping;
  private volatile ServiceState state;

  private BackgroundSync(DrainEngine engine, Duration maxPollInterval, Duration authPause) {
    this.engine = engine;
    this.maxPollInterval = maxPollInterval;
    this.authPause = authPause;
    this.thread = new Thread(this::run, "dossier-background-sync");
    this.thread.setDaemon(true);
    this.state = new ServiceState(ServiceState.Phase.STOPPED, Optional.of("not started"), now());
  }

  /**
   * What the service is doing now.
   *
   * @return its phase, why, and since when; immutable
   */
  public ServiceState state() {
    return state;
  }

  /**
   * A builder for a service around an engine.
   *
   * @param engine the engine to run; the caller keeps owning it
   * @return a builder with the defaults
   */
  public static Builder builder(DrainEngine engine) {
    return new Builder(engine);
  }

  /**
   * Starts the scheduler thread, which drains at once.
   *
   * @throws IllegalStateException when already started (a stopped service cannot restart)
   */
  public void start() {
    lock.lock();
    try {
      if (started) {
        throw new IllegalStateException("this BackgroundSync was already started");
      }
      started = true;
      enter(ServiceState.Phase.RUNNING, Optional.empty());
      thread.start();
    } finally {
      lock.unlock();
    }
  }

  /** Asks for a drain now (or right after the running one); returns at once. */
  public void wakeUp() {
    lock.lock();
    try {
      wakeRequested = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tells whether the scheduler thread is running.
   *
   * @return true between {@link #start()} and the end of {@link #stop(Duration)}
   */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Stops gracefully: no new claim, sends in flight finish up to {@code timeout}, unsent claimed
   * tasks are released. Idempotent.
   *
   * @param timeout the longest time to wait for the sends in flight
   * @return true when the service stopped within the timeout, false when sends were still in
   *     flight: they are then aborted (the engine's {@code abortInFlight}), what fails or does not
   *     end within 2 s is given back to the queue untouched, and a send that ends well in that time
   *     is recorded
   */
  public boolean stop(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    stopping = true;
    engine.wakeRound();
    wakeUp();
    if (!started || thread == Thread.currentThread()) {
      return true;
    }
    try {
      thread.join(Math.max(1, timeout.toMillis()));
      if (thread.isAlive()) {
        LOG.warn("background sync: sends still in flight after {}; aborting them", timeout);
        engine.abortRound();
        thread.join(DrainRound.ABORT_GRACE.plusSeconds(1).toMillis());
        if (thread.isAlive()) {
          thread.interrupt();
          thread.join(DEFAULT_SHUTDOWN_TIMEOUT.toMillis());
        }
        return false;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.interrupt();
      return false;
    }
  }

  /** {@link #stop(Duration)} with {@link #DEFAULT_SHUTDOWN_TIMEOUT}. */
  @Override
  public void close() {
    stop(DEFAULT_SHUTDOWN_TIMEOUT);
  }

  private void run() {
    LOG.info("background sync started");
    try {
      while (!stopping) {
        Duration wait = drainSafely();
        if (!stopping) {
          await(wait);
        }
      }
    } catch (Error e) {
      stopping = true;
      String reason = "error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
      enter(ServiceState.Phase.STOPPED, Optional.of(reason));
      LOG.error("background sync stopped by an error; tasks in flight stay queued: {}", reason, e);
      throw e;
    }
    enter(ServiceState.Phase.STOPPED, Optional.of("stopped by the host"));
    LOG.info("background sync stopped");
  }

  /**
   * One drain; returns how long to wait before the next one. A RuntimeException is logged and the
   * service goes on; an Error is thrown on.
   */
  private Duration drainSafely() {
    try {
      DrainReport report = engine.drainOnce(() -> stopping);
      if (report.authPaused()) {
        if (state.phase() != ServiceState.Phase.AUTH_PAUSED) {
          LOG.info("background sync paused for {}: the receiver rejected the token", authPause);
        }
        enter(
            ServiceState.Phase.AUTH_PAUSED,
            Optional.of(
                "unauthorized: the receiver rejected"
                    + " the token and no fresh one came; trying again after "
                    + authPause));
        return authPause;
      }
      if (state.phase() == ServiceState.Phase.AUTH_PAUSED) {
        LOG.info("background sync resumed: the token was accepted");
        enter(ServiceState.Phase.RUNNING, Optional.empty());
      }
      if (report.queuesEmpty()) {
        return maxPollInterval;
      }
      Instant now = engine.settings().clock().instant();
      return engine
          .waitBeforeNextRound(report, now, now.plus(maxPollInterval))
          .orElse(Duration.ZERO);
    } catch (RuntimeException e) {
      LOG.error(
          "background drain failed; the service keeps running and retries in {}: {}",
          maxPollInterval,
          e.toString(),
          e);
      return maxPollInterval;
    }
  }

  private void enter(ServiceState.Phase phase, Optional<String> reason) {
    state = new ServiceState(phase, reason, now());
  }

  private Instant now() {
    return engine.settings().clock().instant();
  }

  /**
   * Waits, monotonic; an auth pause ({@link ServiceState.Phase#AUTH_PAUSED}) is not shortened by
   * {@link #wakeUp()}.
   */
  private void await(Duration wait) {
    boolean wakeable = state.phase() != ServiceState.Phase.AUTH_PAUSED;
    long nanos = wait.toNanos();
    lock.lock();
    try {
      while (nanos > 0 && !stopping && !(wakeable && wakeRequested)) {
        nanos = changed.awaitNanos(nanos);
      }
      wakeRequested = false;
    } catch (InterruptedException e) {
      stopping = true;
    } finally {
      lock.unlock();
    }
  }

  /** Builds a {@link BackgroundSync}. Not thread-safe. */
  public static final class Builder {

    private final DrainEngine engine;
    private Duration maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;
    private Duration authPause = DEFAULT_AUTH_PAUSE;

    private Builder(DrainEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * The longest wait between two drains, 10 ms to 24 hours. Default 30 seconds.
     *
     * @param value the interval
     * @return this builder
     */
    public Builder maxPollInterval(Duration value) {
      this.maxPollInterval = Objects.requireNonNull(value, "maxPollInterval");
      return this;
    }

    /**
     * How long to wait after the receiver rejected the token, 10 ms to 24 hours. Default 60
     * seconds.
     *
     * @param value the pause
     * @return this builder
     */
    public Builder authPause(Duration value) {
      this.authPause = Objects.requireNonNull(value, "authPause");
      return this;
    }

    /**
     * Checks the settings; the thread starts with {@link BackgroundSync#start()}.
     *
     * @return the service, not started
     * @throws IllegalArgumentException naming a setting out of range
     */
    public BackgroundSync build() {
      check("maxPollInterval", maxPollInterval);
      check("authPause", authPause);
      return new BackgroundSync(engine, maxPollInterval, authPause);
    }

    private static void check(String field, Duration value) {
      if (value.toMillis() < 10 || value.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException(
            field + " must be between 10 ms and 24 hours, got " + value);
      }
    }
  }
}
