package io.dossiersync.cli;

import io.dossiersync.core.drain.BackgroundSync;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.ServiceState;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.watch.DossierWatcher;
import io.dossiersync.core.watch.DossierWatcherBuilder;
import io.dossiersync.core.watch.WatchedProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dossier watch}: live sync (PRODUCT.md §6). Syncs the directories once, then re-syncs a
 * feature after its quiet period whenever its files change ({@link DossierWatcher}), while a
 * background drain ({@link BackgroundSync}) delivers continuously to the watched projects. Runs
 * until SIGINT or SIGTERM, then stops within 10 s with every task finished or queued; exit 0. When
 * the background delivery stops on its own (an {@link Error}), the command says why and stops too,
 * exit 1, so that delivery never ends silently.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Sync feature directories, then keep them synced: each change is re-synced after a quiet"
          + " period and delivered in the background; new features are picked up.",
      "Runs until Ctrl-C (SIGINT) or SIGTERM, then stops within 10 s; nothing is lost."
    },
    footer = {
      "",
      "Examples:",
      "  dossier watch kitty-specs",
      "  dossier watch kitty-specs --json --debounce-ms 1000 --rescan-seconds 60",
      "  DOSSIER_TOKEN=... dossier watch --server https://dossier.example.com kitty-specs/047-x"
    })
final class WatchCommand implements Callable<Integer> {

  /** How long the last syncs and the drain's sends in flight may take at a stop, together. */
  static final Duration WATCHER_STOP = Duration.ofSeconds(5);

  static final Duration DRAIN_STOP = Duration.ofSeconds(4);

  /** How often the command looks at the background delivery's state (a pause, a stop). */
  static final Duration STATE_CHECK = Duration.ofSeconds(2);

  @Mixin CommonOptions common;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description =
          "Feature directories, or kitty-specs directories meaning every feature in"
              + " them, now and later.")
  List<Path> dirs;

  @Mixin NamespaceFlags flags;

  @Option(
      names = "--debounce-ms",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "Quiet period before a changed feature is re-synced (default ${DEFAULT-VALUE}).")
  long debounceMs;

  @Option(
      names = "--rescan-seconds",
      paramLabel = "N",
      defaultValue = "300",
      description =
          "Full rescan interval, for changes the file watcher missed"
              + " (default ${DEFAULT-VALUE}).")
  long rescanSeconds;

  @Mixin ConcurrencyOption concurrency;

  private final CliIo io;

  WatchCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    DossierWatcherBuilder watch = validated();
    StopSignal stop = StopSignal.install();
    String stoppedBy = "";
    try (CliSession session = CliSession.open(common, io)) {
      WatchOutput output = new WatchOutput(io.out(), io.err(), common.json);
      WatchedProjects projects = new WatchedProjects();
      Optional<DrainEngine> engine =
          session
              .server()
              .map(
                  server ->
                      session
                          .engineBuilder(output, concurrency.value())
                          .consent(projects)
                          .projectScope(ProjectScope.all())
                          .build());
      if (engine.isEmpty()) {
        io.err()
            .println(
                "dossier: watch: no receiver configured (--server or"
                    + " DOSSIER_SERVER_URL); changes are only queued");
      }
      Optional<BackgroundSync> drain = engine.map(e -> BackgroundSync.builder(e).build());
      DossierWatcher watcher =
          watch
              .pipeline(
                  DossierPipeline.builder()
                      .queueStore(session.store())
                      .clock(session.clock())
                      .build())
              .projects(projects)
              .listener(output)
              .onEnqueued(() -> drain.ifPresent(BackgroundSync::wakeUp))
              .closeTimeout(WATCHER_STOP)
              .build();
      try {
        drain.ifPresent(BackgroundSync::start);
        watcher.start();
        io.err()
            .println(
                "dossier: watch: watching "
                    + dirs.size()
                    + (dirs.size() == 1 ? " directory" : " directories")
                    + "; stop with Ctrl-C");
        while (!stop.await(STATE_CHECK)) {
          Optional<ServiceState> state = drain.map(BackgroundSync::state);
          state.ifPresent(output::onServiceState);
          if (state.filter(s -> s.phase() == ServiceState.Phase.STOPPED).isPresent()) {
            stoppedBy = state.get().reason().orElse("stopped");
            break;
          }
        }
        io.err()
            .println(
                "dossier: watch: stopping ("
                    + (stoppedBy.isEmpty() ? stop.received() : "delivery stopped")
                    + ")");
      } finally {
        watcher.close();
        drain.ifPresent(d -> d.stop(DRAIN_STOP));
        engine.ifPresent(DrainEngine::close);
      }
      io.err()
          .println(
              "dossier: watch: stopped; every task is delivered or queued in "
                  + session.store().location());
      return stoppedBy.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  private DossierWatcherBuilder validated() {
    if (debounceMs < 0 || debounceMs > 600_000) {
      throw CliException.usage("--debounce-ms must be between 0 and 600000, got " + debounceMs);
    }
    if (rescanSeconds < 1 || rescanSeconds > 86_400) {
      throw CliException.usage(
          "--rescan-seconds must be between 1 and 86400, got " + rescanSeconds);
    }
    concurrency.value();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw CliException.usage(
            "no such directory: "
                + dir
                + " (give feature directories or"
                + " kitty-specs directories)");
      }
    }
    return DossierWatcher.builder()
        .directories(dirs)
        .overrides(flags.overrides())
        .syncOptions(flags.syncOptions())
        .debounce(Duration.ofMillis(debounceMs))
        .rescanInterval(Duration.ofSeconds(rescanSeconds));
  }
}
