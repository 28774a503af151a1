package io.dossiersync.testkit.queue;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.AbstractQueueStore;
import io.dossiersync.core.queue.BodyChunks;
import io.dossiersync.core.queue.BodyQueueStats;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EventQueueStats;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.HealthRecords;
import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A {@link QueueStore} held in memory: for tests, for hosts that drain in the same process and
 * accept losing what is queued when it exits, and as the reference the testkit's {@code
 * QueueStoreContract} holds the durable store to.
 *
 * <pre>{@code
 * QueueStore store = InMemoryQueueStore.builder().maxQueueSize(10_000).build();
 * store.bodies().enqueue(tasks, clock.instant());
 * }</pre>
 *
 * <p><b>Thread-safety:</b> every operation of every view runs under one lock, so each is atomic (an
 * enqueue batch, a claim, a re-queue) and two claims never hold the same task under unexpired
 * leases. Claims walk the queue in drain order and stop at the first task not yet due, so their
 * cost grows with the number of ready and leased tasks, not with the queue length; counts, stats
 * and purges walk the whole queue.
 *
 * <p><b>Durability:</b> none. Everything is lost when the JVM exits; {@link #close()} makes the
 * store refuse further calls with a {@link QueueStoreException}. Tasks are kept as given (bodies
 * included), so the heap holds the whole queue: {@code maxQueueSize} bounds it.
 *
 * <p>Capacity follows the contract's rule: each task of a batch is judged in order as if enqueued
 * alone, and is {@code queue_full} only when it would add a row to a full queue; a task already
 * pending stays {@code already_in_queue}, and one that supersedes (or coalesces away) a pending one
 * replaces that row, so it never fails on a full queue. A re-queued failure record is dropped when
 * the same or a newer task (same event id or coalesce key; same body namespace and path) is
 * pending, and stays a record while its queue is full. The first failure time of a record is the
 * claim time of its first failed attempt.
 *
 * @since 0.1.0
 */
public final class InMemoryQueueStore extends AbstractQueueStore {

  /** The default capacity of each queue (PRODUCT.md §3, NFR-002). */
  public static final int DEFAULT_MAX_QUEUE_SIZE = QueueStore.DEFAULT_MAX_QUEUE_SIZE;

  private final InMemoryState state;
  private final InMemoryBodyQueue bodyQueue;
  private final InMemoryHealthRecords health;

  private InMemoryQueueStore(InMemoryState state) {
    this(state, new InMemoryEventQueue(state), new InMemoryBodyQueue(state));
  }

  private InMemoryQueueStore(
      InMemoryState state, InMemoryEventQueue events, InMemoryBodyQueue bodies) {
    super(events, bodies, new InMemoryFailureRecords(state, events, bodies));
    this.state = state;
    this.bodyQueue = bodies;
    this.health = new InMemoryHealthRecords(state);
  }

  /**
   * A store with the default capacity.
   *
   * @return a new, empty store
   */
  public static InMemoryQueueStore create() {
    return builder().build();
  }

  /**
   * A builder for a store.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Enqueues a feature's events and bodies under the store lock, atomically: the bodies' upload ids
   * are checked first, so a batch that fails keeps nothing of either part.
   */
  @Override
  public DossierEnqueueResult enqueueDossier(
      List<EventRecord> events, List<BodyUploadTask> bodies, Instant now) {
    return state.locked(
        () -> {
          bodyQueue.rejectUploadIdClashes(bodies);
          return super.enqueueDossier(events, bodies, now);
        });
  }

  /**
   * Pulls every chunk, then enqueues them as {@link #enqueueDossier(List, List, Instant)} does,
   * under the store lock: an in-memory store holds every body anyway.
   */
  @Override
  public DossierEnqueueResult enqueueDossier(
      List<EventRecord> events, BodyChunks bodies, Instant now) {
    return state.locked(() -> enqueueDossier(events, BodyChunks.drainAll(bodies), now));
  }

  /** The health, kept in memory with the queues and lost with them. */
  @Override
  public HealthRecords health() {
    return health;
  }

  @Override
  public QueueStats stats(Instant now) {
    return state.locked(
        () -> {
          InMemoryTable<EventRecord> ev = state.events;
          InMemoryTable<BodyUploadTask> bt = state.bodies;
          TreeMap<Integer, Long> retries = new TreeMap<>();
          TreeMap<String, Long> byFeature = new TreeMap<>();
          Optional<Instant> oldest = Optional.empty();
          for (InMemoryEntry<BodyUploadTask> e : bt.entries()) {
            retries.merge(e.retryCount, 1L, Long::sum);
            byFeature.merge(e.task.namespace().featureSlug(), 1L, Long::sum);
            oldest = oldest.filter(o -> !o.isAfter(e.createdAt)).or(() -> Optional.of(e.createdAt));
          }
          Optional<Duration> oldestAge =
              oldest.map(o -> o.isAfter(now) ? Duration.ZERO : Duration.between(o, now));
          return new QueueStats(
              new EventQueueStats(ev.size(), ev.ready(now), ev.inBackoff(now)),
              new BodyQueueStats(
                  bt.size(), bt.ready(now), bt.inBackoff(now), oldestAge, retries, byFeature),
              state.failures.size());
        });
  }

  @Override
  public PurgeCount purge(PurgeScope scope, boolean dryRun) {
    return state.locked(
        () -> {
          Predicate<NamespaceRef> matches =
              scope.projectUuid() != null
                  ? ns -> ns.projectUuid().equals(scope.projectUuid())
                  : ns -> ns.featureSlug().equals(scope.featureSlug());
          return new PurgeCount(
              state.events.purge(matches, dryRun), state.bodies.purge(matches, dryRun));
        });
  }

  /**
   * Where the data lives.
   *
   * @return {@code memory:} followed by this store's identity
   */
  @Override
  public String location() {
    return "memory:" + Integer.toHexString(System.identityHashCode(this));
  }

  /** Makes the store refuse further calls; the tasks are dropped with it. Idempotent. */
  @Override
  public void close() {
    state.close();
  }

  /** Builds an {@link InMemoryQueueStore}. Not thread-safe; use it from one thread. */
  public static final class Builder {

    private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;

    private Builder() {}

    /**
     * The capacity of each queue: past it, enqueue reports {@code queue_full}.
     *
     * @param maxQueueSize at least 1; default {@value InMemoryQueueStore#DEFAULT_MAX_QUEUE_SIZE}
     * @return this builder
     */
    public Builder maxQueueSize(int maxQueueSize) {
      this.maxQueueSize = maxQueueSize;
      return this;
    }

    /**
     * Checks the settings and builds the store.
     *
     * @return a new, empty store
     * @throws IllegalArgumentException when {@code maxQueueSize} is below 1
     */
    public InMemoryQueueStore build() {
      if (maxQueueSize < 1) {
        throw new IllegalArgumentException(
            "maxQueueSize must be between 1 and " + Integer.MAX_VALUE + ", got " + maxQueueSize);
      }
      return new InMemoryQueueStore(new InMemoryState(maxQueueSize));
    }
  }
}
