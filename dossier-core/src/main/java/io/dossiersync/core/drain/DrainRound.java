package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ProjectScope;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of a drain: its projects, its start time, its 401 gate, its stop signal and its
 * counts. Task results go through {@link #record}: counted, logged at DEBUG (never a body or a
 * token), and handed to the listener, whose exceptions are caught. Thread-safe: the body workers
 * record concurrently.
 */
final class DrainRound {

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);

  final DrainSettings settings;
  final ProjectScope scope;
  final AuthGate auth;
  private final SortedSet<String> projects;
  private final Instant start;
  private final String owner;
  private final BooleanSupplier stopRequested;
  private final Map<TaskKind, Map<TaskStatus, AtomicLong>> counts = new EnumMap<>(TaskKind.class);
  private final AtomicLong claims = new AtomicLong();

  DrainRound(DrainSettings settings, SortedSet<String> projects, String owner, BooleanSupplier stop) {
    this.settings = settings;
    this.projects = projects;
    this.scope = ProjectScope.of(projects);
    this.auth = new AuthGate(settings.tokens());
    this.start = settings.clock().instant();
    this.owner = owner;
    this.stopRequested = stop;
    for (TaskKind kind : TaskKind.values()) {
      Map<TaskStatus, AtomicLong> byStatus = new EnumMap<>(TaskStatus.class);
      for (TaskStatus status : TaskStatus.values()) {
        byStatus.put(status, new AtomicLong());
      }
      counts.put(kind, byStatus);
    }
  }

  /** True when nothing more may be sent: stop asked, token rejected, or thread interrupted. */
  boolean stopped() {
    return auth.paused() || stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted();
  }

  Instant now() {
    return settings.clock().instant();
  }

  /**
   * A claim of what was ready when the round started (so a task rescheduled during the round
   * waits for the next one), with a lease that runs {@code leaseDuration} from now.
   */
  ClaimRequest claim(int maxTasks, boolean holdNamespacesWithPendingEvents) {
    Duration elapsed = Duration.between(start, now());
    Duration lease = settings.leaseDuration().plus(elapsed.isNegative() ? Duration.ZERO : elapsed);
    return new ClaimRequest(maxTasks, start, lease, owner + "-" + claims.incrementAndGet(), scope,
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
      LOG.debug("{} {}/{}:{}{} -> {} ({})", result.kind().wireName(),
          result.namespace().projectUuid(), result.namespace().featureSlug(),
          result.artifactPath(), result.contentHash().map(h -> " sha256:" + h).orElse(""),
          result.status().wireName(), result.reason());
    }
    try {
      settings.listener().onTask(result);
    } catch (RuntimeException e) {
      LOG.warn("the drain listener failed on {} {}: {}", result.kind().wireName(),
          result.artifactPath(), e.toString(), e);
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
