package io.dossiersync.cli;

import io.dossiersync.core.queue.BodyQueueStats;
import io.dossiersync.core.queue.EventQueueStats;
import io.dossiersync.core.queue.QueueHealth;
import io.dossiersync.core.queue.QueueStats;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dossier status}: queue statistics (PRODUCT.md §3, §6). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show what the queue holds and how delivery is going.",
      "Pending, ready and backing-off tasks, ages, retries, and the health: last delivery, last",
      "attempt, last error, drainer heartbeat."
    },
    footer = {
      "",
      "Examples:",
      "  dossier status --db /tmp/queue.db",
      "  dossier status --json",
      "  dossier status --check --max-age 900   # cron: exit 4 when unhealthy",
      "",
      "Exit codes: 0 ok, 1 unusable queue file, 2 bad usage,",
      "  4 --check found a pending task older than --max-age, or failure records."
    })
final class StatusCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--check",
      description =
          "For cron and monitoring: print one line and exit 0"
              + " when no pending task is older than --max-age and there are no failure records, else"
              + " exit 4.")
  boolean check;

  @Option(
      names = "--max-age",
      paramLabel = "SECONDS",
      description =
          "The oldest a pending task"
              + " may be for --check (default "
              + StatusCheck.DEFAULT_MAX_AGE_SECONDS
              + ").")
  Long maxAge;

  private final CliIo io;

  StatusCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (maxAge != null && maxAge < 0) {
      throw CliException.usage("--max-age must be 0 or more seconds, got " + maxAge);
    }
    try (CliSession session = CliSession.open(common, io)) {
      Instant now = session.clock().instant();
      QueueStats stats = session.store().stats(now);
      if (check) {
        return check(session, stats, now);
      }
      QueueHealth health = session.store().health().read();
      if (common.json) {
        Map<String, Object> json = json(session.store().location(), stats);
        json.put("health", json(health));
        Json.print(io.out(), json);
      } else {
        print(io.out(), session.store().location(), stats);
        io.out()
            .println(
                "health: last delivery "
                    + time(health.lastDeliveryAt())
                    + ", last attempt "
                    + time(health.lastAttemptAt())
                    + ", drainer heartbeat "
                    + time(health.drainerHeartbeatAt())
                    + ", last error "
                    + health.lastError().orElse("none"));
      }
      return ExitCode.OK;
    }
  }

  private int check(CliSession session, QueueStats stats, Instant now) {
    Duration limit =
        Duration.ofSeconds(maxAge == null ? StatusCheck.DEFAULT_MAX_AGE_SECONDS : maxAge);
    StatusCheck verdict =
        StatusCheck.of(session.store().health().oldestPending(), stats.failures(), limit, now);
    if (common.json) {
      Json.print(io.out(), Json.object("healthy", verdict.healthy(), "message", verdict.line()));
    } else {
      io.out().println("dossier: " + verdict.line());
    }
    return verdict.healthy() ? ExitCode.OK : ExitCode.UNHEALTHY;
  }

  private static Map<String, Object> json(QueueHealth health) {
    return Json.object(
        "last_delivery_at", health.lastDeliveryAt().map(Instant::toString).orElse(null),
        "last_attempt_at", health.lastAttemptAt().map(Instant::toString).orElse(null),
        "last_error", health.lastError().orElse(null),
        "drainer_heartbeat_at", health.drainerHeartbeatAt().map(Instant::toString).orElse(null));
  }

  private static String time(Optional<Instant> at) {
    return at.map(Instant::toString).orElse("never");
  }

  private static Map<String, Object> json(String db, QueueStats stats) {
    EventQueueStats events = stats.events();
    BodyQueueStats bodies = stats.bodies();
    Map<String, Object> histogram = Json.object();
    bodies.retryHistogram().forEach((retries, n) -> histogram.put(String.valueOf(retries), n));
    Map<String, Object> byFeature = Json.object();
    bodies.byFeature().forEach(byFeature::put);
    return Json.object(
        "db", db,
        "events",
            Json.object(
                "pending",
                events.pending(),
                "ready",
                events.ready(),
                "in_backoff",
                events.inBackoff()),
        "bodies",
            Json.object(
                "pending", bodies.pending(),
                "ready", bodies.ready(),
                "in_backoff", bodies.inBackoff(),
                "oldest_age_seconds", bodies.oldestAge().map(d -> d.toSeconds()).orElse(null),
                "retry_histogram", histogram,
                "by_feature", byFeature),
        "failures", stats.failures());
  }

  private static void print(PrintStream out, String db, QueueStats stats) {
    out.println("queue file: " + db);
    Table table = new Table("QUEUE", "PENDING", "READY", "IN_BACKOFF");
    table.row(
        "events",
        String.valueOf(stats.events().pending()),
        String.valueOf(stats.events().ready()),
        String.valueOf(stats.events().inBackoff()));
    BodyQueueStats bodies = stats.bodies();
    table.row(
        "bodies",
        String.valueOf(bodies.pending()),
        String.valueOf(bodies.ready()),
        String.valueOf(bodies.inBackoff()));
    table.print(out);
    out.println("oldest body: " + bodies.oldestAge().map(d -> d.toSeconds() + " s").orElse("none"));
    out.println(
        "retries: "
            + (bodies.retryHistogram().isEmpty()
                ? "none"
                : new TreeMap<>(bodies.retryHistogram()).toString()));
    if (!bodies.byFeature().isEmpty()) {
      Table features = new Table("FEATURE", "BODIES");
      bodies.byFeature().forEach((slug, n) -> features.row(slug, String.valueOf(n)));
      features.print(out);
    }
    out.println("failure records: " + stats.failures());
  }
}
