package io.dossiersync;

import io.dossiersync.core.checkout.CheckoutException;
import io.dossiersync.core.checkout.NamespaceOverrides;
import io.dossiersync.core.checkout.SpecKittyCheckout;
import io.dossiersync.core.drain.BackgroundSync;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.core.queue.QueueStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One object for the common case (PRODUCT.md §10): sync a feature into the durable queue, deliver
 * in the background, flush before exit.
 *
 * <pre>{@code
 * try (DossierSync dossier = DossierSync.builder(serverUrl).tokenProvider(tokens).build()) {
 *   dossier.sync(featureDir);                              // queues, then wakes delivery
 *   FlushResult left = dossier.flush(Duration.ofSeconds(30)); // before exit
 * }
 * }</pre>
 *
 * <p><b>What it wires:</b> a {@link DossierPipeline} on the queue, a {@link DrainEngine} on the
 * queue and the transports, and (unless {@link DossierSyncBuilder#backgroundDelivery(boolean)} is
 * off) a started {@link BackgroundSync}. The queue is the SQLite file given to {@link
 * DossierSyncBuilder#queueFile(Path)}, else the default one for the server ({@code
 * DefaultQueueLocation.forServer}), unless the host hands in its own {@link QueueStore}; the
 * transports share one HTTP pool to the server unless the host hands in its own.
 *
 * <p><b>Ownership:</b> {@link #close()} closes, in reverse order of creation, everything this
 * object created (background service, drain engine, HTTP pool, SQLite store) and nothing it was
 * handed (a store, a transport, a token provider, a listener given to the builder stay open and are
 * the host's to close, after this object).
 *
 * <p><b>Guarantees and their limits:</b> what {@link #sync(Path)} reports queued is in the queue
 * (durable across a crash with the SQLite store); delivery is at least once, events before bodies.
 * {@link #flush(Duration)} delivers what is due now and retries what the receiver asks to retry
 * until its timeout; a task in a long backoff (a {@code Retry-After} past the timeout) is left
 * queued and reported in the {@link FlushResult}. Thread-safe: syncs may run from several threads;
 * drain rounds (background and flush) run one at a time.
 *
 * @since 0.1.0
 */
public final class DossierSync implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DossierSync.class);

  private final QueueStore store;
  private final DossierPipeline pipeline;
  private final DrainEngine engine;
  private final Optional<BackgroundSync> background;
  private final SpecKittyCheckout checkout;
  private final Clock clock;
  private final OwnedResources owned;
  private final AtomicBoolean closed = new AtomicBoolean();

  DossierSync(
      QueueStore store,
      DossierPipeline pipeline,
      DrainEngine engine,
      Optional<BackgroundSync> background,
      Clock clock,
      OwnedResources owned) {
    this.store = store;
    this.pipeline = pipeline;
    this.engine = engine;
    this.background = background;
    this.checkout = new SpecKittyCheckout();
    this.clock = clock;
    this.owned = owned;
  }

  /**
   * A builder for a facade delivering to {@code serverUrl}.
   *
   * @param serverUrl the receiver's base URL, e.g. {@code https://dossier.example.com}; checked by
   *     {@link DossierSyncBuilder#build()}
   * @return a builder with the defaults
   */
  public static DossierSyncBuilder builder(String serverUrl) {
    return new DossierSyncBuilder(serverUrl);
  }

  /**
   * Reads the feature's namespace from its spec-kitty checkout (as {@code dossier sync} does),
   * queues its events and eligible bodies, then wakes the background delivery.
   *
   * @param featureDir a {@code kitty-specs/<slug>} directory
   * @return one outcome per artifact ({@code queued}, {@code skipped} with its reason…)
   * @throws CheckoutException when the checkout does not give a valid namespace (nothing queued)
   * @throws IllegalStateException after {@link #close()}
   */
  public DossierSyncResult sync(Path featureDir) {
    return sync(featureDir, NamespaceOverrides.none());
  }

  /**
   * {@link #sync(Path)} with explicit namespace values, which win over the checkout's.
   *
   * @param featureDir a {@code kitty-specs/<slug>} directory
   * @param overrides explicit namespace values
   * @return one outcome per artifact
   * @throws CheckoutException when the checkout does not give a valid namespace (nothing queued)
   * @throws IllegalStateException after {@link #close()}
   */
  public DossierSyncResult sync(Path featureDir, NamespaceOverrides overrides) {
    Objects.requireNonNull(featureDir, "featureDir");
    Objects.requireNonNull(overrides, "overrides");
    requireOpen();
    DossierSyncResult result =
        pipeline.syncFeatureDossier(featureDir, checkout.read(featureDir, overrides).namespace());
    wakeUp();
    return result;
  }

  /**
   * Asks the background delivery to drain now (for tasks another process or pipeline queued);
   * returns at once. Does nothing when background delivery is off or after {@link #close()}.
   */
  public void wakeUp() {
    background.ifPresent(BackgroundSync::wakeUp);
  }

  /**
   * Delivers what is queued, on the calling thread, until the queue is empty, the receiver rejected
   * the token, or {@code timeout} has passed; then says what is left. Waits for a background round
   * in progress first (rounds run one at a time).
   *
   * @param timeout the longest time to spend sending, not negative
   * @return what is left in the queue
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws IllegalStateException after {@link #close()}
   * @throws io.dossiersync.core.queue.QueueStoreException when the queue cannot be read
   */
  public FlushResult flush(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("flush timeout must not be negative, got " + timeout);
    }
    requireOpen();
    DrainReport report = engine.drainUntilEmpty(timeout);
    QueueStats stats = stats();
    FlushResult result =
        new FlushResult(
            stats.events().pending(),
            stats.bodies().pending(),
            stats.failures(),
            report.authPaused(),
            report.timedOut() && (stats.events().pending() + stats.bodies().pending()) > 0);
    LOG.debug("flush: {}", result.summary());
    return result;
  }

  /**
   * The queue's counts now ({@code dossier status}).
   *
   * @return pending, ready and backing-off counts, the oldest body's age, the failure count
   * @throws IllegalStateException after {@link #close()}
   * @throws io.dossiersync.core.queue.QueueStoreException when the queue cannot be read
   */
  public QueueStats stats() {
    requireOpen();
    return store.stats(clock.instant());
  }

  /**
   * Tells whether background delivery is running.
   *
   * @return true between {@code build()} and {@link #close()} when background delivery is on
   */
  public boolean isDelivering() {
    return background.map(BackgroundSync::isRunning).orElse(false);
  }

  /**
   * Stops background delivery (sends in flight finish, up to {@code BackgroundSync}'s shutdown
   * timeout; unsent claimed tasks are given back), then closes what this object created, in reverse
   * order. Never closes what the host handed to the builder. Idempotent; queued tasks stay queued
   * for the next run.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      owned.closeAll();
    }
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this DossierSync is closed; build a new one");
    }
  }
}
