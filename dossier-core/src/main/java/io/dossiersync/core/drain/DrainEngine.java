package io.dossiersync.core.drain;

import io.dossiersync.core.queue.NextDue;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the pipeline queued (PRODUCT.md §4, §5): every ready event first, in batches, then
 * the ready bodies with bounded concurrency, applying each answer to the queue.
 *
 * <pre>{@code
 * try (DrainEngine drain = DrainEngine.builder()
 *     .queueStore(store)
 *     .contentTransport(content)
 *     .eventTransport(events)
 *     .tokenProvider(tokens)
 *     .consent(SyncConsent.only(Set.of(projectUuid)))
 *     .build()) {
 *   DrainReport report = drain.drainUntilEmpty(Duration.ofMinutes(2));
 * }
 * }</pre>
 *
 * <p><b>What each answer does:</b> uploaded, already_exists and accepted events are deleted;
 * retryable answers (and any exception a transport throws, as {@code transport_error: <class>:
 * <message>}) keep the task until {@link Backoff} says; refused tasks and tasks failing for the
 * {@code retryCeiling}-th time ({@code retry_ceiling: <last reason>}) go to the failure records; a
 * 401 asks the {@code TokenProvider} for a fresh token once per round and retries the request once,
 * else the round stops sending and releases its unsent tasks untouched (no retry counted). Bodies
 * are always claimed with {@code holdNamespacesWithPendingEvents = true}: a body whose namespace
 * still has a queued event (not delivered this round, or enqueued since) waits, since it would only
 * earn {@code index_entry_not_found}.
 *
 * <p><b>Consent:</b> each round drains only the projects with queued tasks that the {@link
 * SyncConsent} allows and the configured project scope includes; other tasks are never claimed.
 *
 * <p><b>Logs</b> (SLF4J, logger {@code io.dossiersync.core.drain.DrainEngine}): one DEBUG summary
 * per round and one DEBUG line per task with its path, hash, status and reason; never a body or a
 * token. State changes (auth pause, queue full, service stopped) are logged at INFO or above where
 * they happen. The same results reach the {@link DrainListener}, whose exceptions are caught and
 * logged.
 *
 * <p><b>One writer:</b> rounds are serialised (a second caller waits) and each runs on its caller's
 * thread, the round thread, which alone claims, writes to the {@link QueueStore} and calls the
 * listener. Requests run on the engine's {@code concurrency} daemon send threads, which only send
 * and put each answer on the round's result queue, so at most {@code concurrency} requests are in
 * flight; the round thread hands every claimed body to the send threads at once (a thread that ends
 * a push starts the next without waiting for it), claims more while at least half a claim batch is
 * still waiting, writes the answers in one transaction per batch, and renews the leases of what it
 * holds every third of the lease. <b>Memory bound:</b> a round holds at most {@code concurrency +
 * bodyClaimBatchSize} bodies (in flight or claimed and waiting to be sent) or {@code concurrency}
 * event batches, never more whatever the queue's length; answers waiting to be written keep no body
 * text.
 *
 * <p><b>Durability:</b> the engine holds no state of its own; what happens to a task is what the
 * {@link QueueStore} records. A send interrupted by a crash leaves its task leased until the lease
 * expires, then it is sent again (at least once). An {@link Error} thrown on a send thread stops
 * the round: the unsent tasks are given back, the requests in flight are waited for, and the {@code
 * Error} is rethrown by the drain call.
 *
 * @since 0.1.0
 */
public final class DrainEngine implements AutoCloseable {

  /** Default number of bodies in flight. */
  public static final int DEFAULT_CONCURRENCY = 4;

  /** Default number of events per batch (PRODUCT.md §4.2). */
  public static final int DEFAULT_EVENT_BATCH_SIZE = 100;

  /**
   * Default number of bodies claimed at a time, and of answers written together: large enough that
   * a claim and a write cost little per body, small enough to bound memory (see the class
   * documentation).
   */
  public static final int DEFAULT_BODY_CLAIM_BATCH_SIZE = 64;

  /** Default lease on claimed tasks. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofMinutes(10);

  /** Default number of failures after which a task goes to the failure records. */
  public static final int DEFAULT_RETRY_CEILING = 20;

  /** How long {@link #drainUntilEmpty} waits when tasks are ready but none could be claimed. */
  static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);
  private static final AtomicInteger ENGINES = new AtomicInteger();

  private final DrainSettings settings;
  private final ExecutorService executor;
  private final ReentrantLock roundLock = new ReentrantLock();
  private final String owner = "drain-" + UUID.randomUUID();
  private final AtomicLong rounds = new AtomicLong();

  /** The running round's result queue, so that a stop can wake its thread. */
  private volatile @Nullable Inbox current;

  DrainEngine(DrainSettings settings) {
    this.settings = settings;
    int engine = ENGINES.incrementAndGet();
    ThreadFactory senders = settings.senderThreads();
    this.executor =
        Executors.newFixedThreadPool(
            settings.concurrency(), senders != null ? senders : threads(engine, "send"));
  }

  /**
   * A builder; the queue store, both transports and the token provider are required.
   *
   * @return a builder with the defaults
   */
  public static DrainEngineBuilder builder() {
    return new DrainEngineBuilder();
  }

  /**
   * One pass over what is ready now: every ready event, then every ready body. Never throws for a
   * task's answer or a transport failure; a {@code QueueStoreException} from claiming or counting
   * is thrown after the bodies in flight have finished and the unsent ones are released.
   *
   * @return what the pass did and what is still pending
   */
  public DrainReport drainOnce() {
    return drainOnce(() -> false);
  }

  /**
   * Repeats {@link #drainOnce()} until the drain's queues are empty, {@code maxTime} has passed, or
   * the token was rejected (auth pause). Between passes it sleeps through the {@link Sleeper} until
   * the next task is due (or the deadline), never in a busy loop; no new claim starts after the
   * deadline.
   *
   * @param maxTime the longest time to spend, not negative
   * @return the passes added up, with what is still pending and whether time ran out
   */
  public DrainReport drainUntilEmpty(Duration maxTime) {
    if (maxTime.isNegative()) {
      throw new IllegalArgumentException("maxTime must not be negative, got " + maxTime);
    }
    long deadline = settings.nanoTime().getAsLong() + saturatedNanos(maxTime);
    BooleanSupplier late = () -> settings.nanoTime().getAsLong() - deadline >= 0;
    DrainReport total = drainOnce(late, OptionalLong.of(deadline));
    DrainReport last = total;
    while (!total.authPaused() && !total.queuesEmpty()) {
      long left = deadline - settings.nanoTime().getAsLong();
      if (left <= 0) {
        return total.withTimedOut(true);
      }
      Instant now = settings.clock().instant();
      Optional<Duration> wait = waitBeforeNextRound(last, now, now.plusNanos(left));
      if (wait.isPresent()) {
        if (!sleep(wait.get())) {
          return total;
        }
        if (late.getAsBoolean()) {
          return total.withTimedOut(true);
        }
      }
      last = drainOnce(late, OptionalLong.of(deadline));
      total = total.plus(last);
    }
    return total;
  }

  /**
   * Makes the running round, if any, look at its stop signal now instead of at its next answer: a
   * stop then gives back the claimed-unsent tasks at once.
   */
  void wakeRound() {
    Inbox inbox = current;
    if (inbox != null) {
      inbox.wake();
    }
  }

  /**
   * Makes the running round, if any, end as at a deadline: it stops submitting, aborts the requests
   * in flight through {@code abortInFlight}, gives back what fails or is unsent, and gives up on
   * the rest {@link DrainRound#ABORT_GRACE} later.
   */
  void abortRound() {
    Inbox inbox = current;
    if (inbox != null) {
      inbox.abort();
    }
  }

  private static long saturatedNanos(Duration duration) {
    return duration.compareTo(Duration.ofDays(100 * 365)) > 0
        ? Long.MAX_VALUE / 4
        : duration.toNanos();
  }

  /**
   * Shuts the send threads down; requests in flight finish on their own (a round still running
   * writes their answers). The queue store and the transports belong to the caller and stay open.
   */
  @Override
  public void close() {
    executor.shutdown();
  }

  /** One round, stopping early (releasing unsent tasks) when {@code stop} turns true. */
  DrainReport drainOnce(BooleanSupplier stop) {
    return drainOnce(stop, OptionalLong.empty());
  }

  /**
   * One round, stopping early (releasing unsent tasks) when {@code stop} turns true; the round
   * thread looks at {@code stop} at each answer, at {@link #wakeRound()} and at {@code deadline} (a
   * {@link DrainSettings#nanoTime()} value).
   */
  DrainReport drainOnce(BooleanSupplier stop, OptionalLong deadline) {
    roundLock.lock();
    try {
      DrainRound round =
          new DrainRound(
              settings, projects(), owner + "-" + rounds.incrementAndGet(), stop, deadline);
      if (!round.scope.isEmpty()) {
        Inbox inbox = new Inbox(round);
        current = inbox;
        try {
          Senders senders = new Senders(round, executor, inbox.queue);
          new EventDrain(round, senders, inbox).run();
          new BodyDrain(round, senders, inbox).run();
        } finally {
          current = null;
        }
      }
      if (round.fatal().isPresent()) {
        throw rethrown(round.fatal().get());
      }
      QueueStore store = settings.store();
      DrainReport report =
          round.report(
              store.events().pending(round.scope),
              store.bodies().pending(round.scope),
              store.failures().count());
      logSummary(report);
      notifyListener(report);
      return report;
    } finally {
      roundLock.unlock();
    }
  }

  DrainSettings settings() {
    return settings;
  }

  private SortedSet<String> projects() {
    TreeSet<String> projects = new TreeSet<>(settings.store().events().projects());
    projects.addAll(settings.store().bodies().projects());
    projects.removeIf(p -> !settings.projectScope().includes(p) || !consents(p));
    return projects;
  }

  private boolean consents(String project) {
    try {
      return settings.consent().allows(project);
    } catch (RuntimeException e) {
      LOG.warn(
          "consent check failed for project {}; its tasks stay queued: {}", project, e.toString());
      return false;
    }
  }

  /**
   * How long to sleep before the next round: none when a task is due and the last round made
   * progress; else until the earliest due time still ahead (a body held behind an event waits for
   * that event), bounded by {@code deadline}; {@link #IDLE_POLL} when nothing is ahead, or when a
   * due task is held under another drainer's lease (that drainer usually finishes long before its
   * lease would expire).
   */
  Optional<Duration> waitBeforeNextRound(DrainReport last, Instant now, Instant deadline) {
    ProjectScope scope = ProjectScope.of(last.projects());
    NextDue events = settings.store().events().nextDue(scope, now);
    NextDue bodies = settings.store().bodies().nextDue(scope, now);
    if ((events.dueBy(now) || bodies.dueBy(now)) && last.attempted() > 0) {
      return Optional.empty();
    }
    Instant wake =
        Stream.of(events.at(), bodies.at())
            .flatMap(Optional::stream)
            .filter(t -> t.isAfter(now))
            .min(Instant::compareTo)
            .orElse(now.plus(IDLE_POLL));
    if (wake.isAfter(now.plus(IDLE_POLL)) && (events.heldByLease() || bodies.heldByLease())) {
      wake = now.plus(IDLE_POLL);
    }
    return Optional.of(Duration.between(now, wake.isBefore(deadline) ? wake : deadline));
  }

  private boolean sleep(Duration duration) {
    try {
      settings.sleeper().sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void logSummary(DrainReport report) {
    LOG.debug("drain: {}", report.summary());
  }

  /** A sender's failure, thrown as it was: an Error or a RuntimeException is never wrapped. */
  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("a drain send thread failed: " + failure, failure);
  }

  private void notifyListener(DrainReport report) {
    try {
      settings.listener().onDrain(report);
    } catch (RuntimeException e) {
      LOG.warn("the drain listener failed on a drain summary: {}", e.toString(), e);
    }
  }

  private static ThreadFactory threads(int engine, String role) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread =
          new Thread(task, "dossier-drain-" + engine + "-" + role + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
