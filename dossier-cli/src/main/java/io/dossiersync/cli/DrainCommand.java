package io.dossiersync.cli;

import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dossier drain}: send what is due, events first, then bodies (PRODUCT.md §6). */
@Command(
    name = "drain",
    mixinStandardHelpOptions = true,
    description = "Send the queued events and bodies that are due; no feature directory needed.",
    footer = {
      "",
      "Examples:",
      "  dossier drain --server https://dossier.example.com",
      "  dossier drain --until-empty --max-time 120 --project 8a4a7da6-a97c-4bb4-893a-b31664abfee4"
    })
final class DrainCommand implements Callable<Integer> {

  /** The time limit of {@code --until-empty} when {@code --max-time} is not given. */
  static final long DEFAULT_MAX_TIME_SECONDS = 300;

  @Mixin CommonOptions common;

  @Mixin ConcurrencyOption concurrency;

  @Option(
      names = "--until-empty",
      description =
          "Repeat until the queues are empty or"
              + " --max-time passes; sleeps until the next task is due.")
  boolean untilEmpty;

  @Option(
      names = "--max-time",
      paramLabel = "SECONDS",
      description = "Time limit for --until-empty (default " + DEFAULT_MAX_TIME_SECONDS + ").")
  Long maxTime;

  @Option(
      names = "--project",
      paramLabel = "U",
      description = "Send only this project's tasks (repeatable); default: every project queued.")
  List<String> projects;

  private final CliIo io;

  DrainCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (maxTime != null && maxTime < 0) {
      throw CliException.usage("--max-time must be 0 or more seconds, got " + maxTime);
    }
    int inFlight = concurrency.value();
    try (CliSession session = CliSession.open(common, io)) {
      SortedSet<String> selected = selectProjects(session.store());
      ProjectScope scope = ProjectScope.of(selected);
      io.err()
          .println(
              selected.isEmpty()
                  ? "dossier: nothing queued to send"
                  : "dossier: sending projects: " + String.join(", ", selected));
      DrainReport report;
      Progress progress = new Progress(io.err(), true);
      ReceiverReachability reachability = new ReceiverReachability();
      try (DrainEngine engine = session.drainEngine(scope, progress.and(reachability), inFlight)) {
        report =
            untilEmpty
                ? engine.drainUntilEmpty(
                    Duration.ofSeconds(maxTime == null ? DEFAULT_MAX_TIME_SECONDS : maxTime))
                : engine.drainOnce();
      }
      reachability.report(io.err(), session.server().orElseThrow());
      QueueLeft left = QueueLeft.read(session.store(), scope);
      if (common.json) {
        Json.print(io.out(), json(selected, report, left));
      } else {
        io.out().println(humanLine(selected, report, left));
      }
      return exitCode(report, left);
    }
  }

  private SortedSet<String> selectProjects(QueueStore store) {
    if (projects != null && !projects.isEmpty()) {
      SortedSet<String> chosen = new TreeSet<>();
      for (String project : projects) {
        chosen.add(ProjectArguments.canonicalUuid(project, "--project"));
      }
      return chosen;
    }
    SortedSet<String> all = new TreeSet<>(store.events().projects());
    all.addAll(store.bodies().projects());
    return all;
  }

  private int exitCode(DrainReport report, QueueLeft left) {
    if (report.authPaused()) {
      io.err()
          .println(
              "dossier: the receiver rejected the token (401) and no fresh token was"
                  + " available; set "
                  + common.tokenEnv
                  + " or --token-file to a valid token");
      return ExitCode.FAILED;
    }
    if (report.bodiesFailed() > 0 || report.eventsFailed() > 0) {
      return ExitCode.FAILED;
    }
    if (untilEmpty && report.timedOut() && left.anyPending()) {
      return ExitCode.TIMED_OUT;
    }
    return ExitCode.OK;
  }

  /**
   * The drain's JSON shape (PRODUCT.md §6), also each {@code drain} line of {@code watch --json}.
   */
  static Map<String, Object> json(SortedSet<String> projects, DrainReport report, QueueLeft left) {
    return left.addTo(
        Json.object(
            "projects", List.copyOf(projects),
            "events", Json.object("sent", report.eventsSent(), "failed", report.eventsFailed()),
            "bodies",
                Json.object(
                    "uploaded", report.bodiesUploaded(),
                    "already_exists", report.bodiesAlreadyExists(),
                    "retry", report.bodiesRetry(),
                    "failed", report.bodiesFailed())));
  }

  private static String humanLine(SortedSet<String> projects, DrainReport report, QueueLeft left) {
    return "projects: "
        + projects.size()
        + " | events: "
        + report.eventsSent()
        + " sent, "
        + report.eventsFailed()
        + " failed"
        + " | bodies: "
        + report.bodiesUploaded()
        + " uploaded, "
        + report.bodiesAlreadyExists()
        + " already_exists, "
        + report.bodiesRetry()
        + " retry, "
        + report.bodiesFailed()
        + " failed"
        + left.summary();
  }
}
