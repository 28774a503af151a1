package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedTask;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of a drain: its projects, its start time, its 401 gate, its stop signals and its counts.
 * Task results go through {@link #record}: counted, logged at DEBUG (never a body or a token), and
 * handed to the listener, whose exceptions are caught. Owned by the round thread: only {@link
 * #auth} (thread-safe) is used by the senders too.
 */
final class DrainRound {

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);

  /** How long past its deadline a round waits for the requests it aborted. */
  static final Duration ABORT_GRACE = Duration.ofSeconds(2);

  final DrainSettings settings;
  final ProjectScope scope;
  final AuthGate auth;
  private final SortedSet<String> projects;
  private final Instant start;
  private final String owner;
  private final BooleanSupplier stopRequested;
  private final Map<TaskKind, Map<TaskStatus, AtomicLong>> counts = new EnumMap<>(TaskKind.class);
  private final AtomicLong claims = new AtomicLong();
  private final OptionalLong deadlineNanos;
  private boolean pastDeadlineSeen;
  private boolean aborted;
  private boolean abandoned;
  private long abandonAt;
  private boolean shutDown;
  private final FailedIndexEvents failedIndexEvents;
  private @Nullable Throwable fatal;

  DrainRound(
      DrainSettings settings,
      SortedSet<String> projects,
      String owner,
      BooleanSupplier stop,
      OptionalLong deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    this.settings = settings;
    this.projects = projects;
    this.scope = ProjectScope.of(projects);
    this.auth = new AuthGate(settings.tokens());
    this.start = settings.clock().instant();
    this.owner = owner;
    this.stopRequested = stop;
    this.failedIndexEvents = new FailedIndexEvents(settings.store().failures());
    for (TaskKind kind : TaskKind.values()) {
      Map<TaskStatus, AtomicLong> byStatus = new EnumMap<>(TaskStatus.class);
      for (TaskStatus status : TaskStatus.values()) {
        byStatus.put(status, new AtomicLong());
      }
      counts.put(kind, byStatus);
    }
  }

  /**
   * True when nothing more may be sent: stop asked, token rejected, engine closed, a sender failed,
   * or the round thread interrupted.
   */
  boolean stopped() {
    return shutDown
        || fatal != null
        || auth.paused()
        || stopRequested.getAsBoolean()
        || Thread.currentThread().isInterrupted();
  }

  /** The {@link DrainSettings#nanoTime()} at which the round stops, if it has a deadline. */
  OptionalLong deadlineNanos() {
    return deadlineNanos;
  }

  /** True once the round thread was woken for its passed deadline (it is woken once). */
  boolean pastDeadlineSeen() {
    return pastDeadlineSeen;
  }

  /** The deadline passed (or an abort was asked) at {@code now}: the grace starts. */
  void seePastDeadline(long now) {
    pastDeadlineSeen = true;
    abandonAt = now + ABORT_GRACE.toNanos();
  }

  /**
   * When the round stops waiting for the requests it aborted: {@link #ABORT_GRACE} after its
   * deadline passed, so that the drain ends within moments of its limit even when a transport
   * cannot abort. Meaningful once {@link #pastDeadlineSeen()}.
   */
  long abandonAt() {
    return abandonAt;
  }

  /** True once the round gave up on the requests still in flight after its deadline. */
  boolean abandoned() {
    return abandoned;
  }

  void abandon() {
    abandoned = true;
  }

  /**
   * The deadline passed: aborts the requests in flight (once) through the configured action, so
   * that the drain ends within moments of its time limit.
   */
  void abortInFlight() {
    if (aborted) {
      return;
    }
    aborted = true;
    LOG.info("drain time is up: aborting the requests in flight; their tasks stay queued");
    try {
      settings.abortInFlight().run();
    } catch (RuntimeException e) {
      LOG.warn("aborting the requests in flight failed: {}", e.toString());
    }
  }

  /** An event went to the failure records this round: remembers the body it announced. */
  void eventFailed(EventRecord event) {
    failedIndexEvents.add(event);
  }

  /**
   * True when the body's index event is in the failure records: failed this round, or earlier in
   * any process (read from the store at the round's first body).
   */
  boolean indexEventFailed(ClaimedBody body) {
    return failedIndexEvents.announce(body);
  }

  /** The engine's send threads are shut down: nothing more can be sent. */
  void shutDown() {
    shutDown = true;
  }

  /** A sender threw what no transport should: the round stops, and rethrows it at its end. */
  void fatal(Throwable failure) {
    if (fatal == null) {
      fatal = failure;
    } else if (fatal != failure) {
      fatal.addSuppressed(failure);
    }
  }

  /** What a sender threw, if one did. */
  Optional<Throwable> fatal() {
    return Optional.ofNullable(fatal);
  }

  /** Why tasks given back unsent were given back. */
  String stopReason() {
    return DrainReasons.stopped(auth.paused());
  }

  /**
   * Extends the leases of the tasks the round still holds to a full lease from now; a store error
   * is logged (the leases then run out as claimed, and the tasks may be sent twice).
   */
  <C extends ClaimedTask> void renew(TaskQueue<C> queue, List<C> held) {
    if (held.isEmpty()) {
      return;
    }
    try {
      List<C> renewed = queue.renew(held, now().plus(settings.leaseDuration()));
      LOG.debug("renewed the leases of {} of {} held tasks", renewed.size(), held.size());
    } catch (RuntimeException e) {
      LOG.warn("could not renew the leases of {} tasks: {}", held.size(), e.toString());
    }
  }

  Instant now() {
    return settings.clock().instant();
  }

  /**
   * A claim of what was ready when the round started (so a task rescheduled during the round waits
   * for the next one), with a lease that runs {@code leaseDuration} from now.
   */
  ClaimRequest claim(int maxTasks, boolean holdNamespacesWithPendingEvents) {
    Duration elapsed = Duration.between(start, now());
    Duration lease = settings.leaseDuration().plus(elapsed.isNegative() ? Duration.ZERO : elapsed);
    return new ClaimRequest(
        maxTasks,
        start,
        lease,
        owner + "-" + claims.incrementAndGet(),
        scope,
        holdNamespacesWithPendingEvents);
  }

  /** When a task that failed for the n-th time is due again; empty past the retry ceiling. */
  Optional<Instant> retryAt(int failures, Optional<Duration> retryAfter) {
    if (failures >= settings.retryCeiling()) {
      return Optional.empty();
    }
    return Optional.of(settings.backoff().nextAttempt(now(), failures, retryAfter));
  }

  void record(TaskResult result) {
    counts.get(result.kind()).get(result.status()).incrementAndGet();
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {}/{}:{}{} -> {} ({})",
          result.kind().wireName(),
          result.namespace().projectUuid(),
          result.namespace().featureSlug(),
          result.artifactPath(),
          result.contentHash().map(h -> " sha256:" + h).orElse(""),
          result.status().wireName(),
          result.reason());
    }
    try {
      settings.listener().onTask(result);
    } catch (RuntimeException e) {
      LOG.warn(
          "the drain listener failed on {} {}: {}",
          result.kind().wireName(),
          result.artifactPath(),
          e.toString(),
          e);
    }
  }

  long count(TaskKind kind, TaskStatus status) {
    return counts.get(kind).get(status).get();
  }

  DrainReport report(long pendingEvents, long pendingBodies, long failures) {
    return new DrainReport(
        projects,
        count(TaskKind.EVENT, TaskStatus.SENT),
        count(TaskKind.EVENT, TaskStatus.FAILED),
        count(TaskKind.EVENT, TaskStatus.RETRY),
        count(TaskKind.BODY, TaskStatus.UPLOADED),
        count(TaskKind.BODY, TaskStatus.ALREADY_EXISTS),
        count(TaskKind.BODY, TaskStatus.RETRY),
        count(TaskKind.BODY, TaskStatus.FAILED),
        count(TaskKind.EVENT, TaskStatus.RELEASED) + count(TaskKind.BODY, TaskStatus.RELEASED),
        auth.paused(),
        false,
        pendingEvents,
        pendingBodies,
        failures);
  }
}
