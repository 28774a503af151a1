package io.dossiersync.cli;

import io.dossiersync.core.queue.BodyQueueStats;
import io.dossiersync.core.queue.EventQueueStats;
import io.dossiersync.core.queue.QueueStats;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dossier status}: queue statistics (PRODUCT.md §3, §6). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show what the queue holds: pending, ready and backing-off tasks, ages, retries.",
    footer = {"", "Examples:", "  dossier status --db /tmp/queue.db", "  dossier status --json"})
final class StatusCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  private final CliIo io;

  StatusCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    try (CliSession session = CliSession.open(common, io)) {
      QueueStats stats = session.store().stats(session.clock().instant());
      if (common.json) {
        Json.print(io.out(), json(session.store().location(), stats));
      } else {
        print(io.out(), session.store().location(), stats);
      }
      return ExitCode.OK;
    }
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
        "events", Json.object(
            "pending", events.pending(), "ready", events.ready(), "in_backoff", events.inBackoff()),
        "bodies", Json.object(
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
    table.row("events", String.valueOf(stats.events().pending()),
        String.valueOf(stats.events().ready()), String.valueOf(stats.events().inBackoff()));
    BodyQueueStats bodies = stats.bodies();
    table.row("bodies", String.valueOf(bodies.pending()), String.valueOf(bodies.ready()),
        String.valueOf(bodies.inBackoff()));
    table.print(out);
    out.println("oldest body: " + bodies.oldestAge().map(d -> d.toSeconds() + " s").orElse("none"));
    out.println("retries: " + (bodies.retryHistogram().isEmpty() ? "none"
        : new TreeMap<>(bodies.retryHistogram()).toString()));
    if (!bodies.byFeature().isEmpty()) {
      Table features = new Table("FEATURE", "BODIES");
      bodies.byFeature().forEach((slug, n) -> features.row(slug, String.valueOf(n)));
      features.print(out);
    }
    out.println("failure records: " + stats.failures());
  }
}
