package io.dossiersync.cli;

import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dossier purge}: deletes pending tasks deliberately (PRODUCT.md §6). */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Delete the pending tasks of a project or a feature.",
      "Without --yes it only says what it would delete."
    },
    footer = {
      "",
      "Examples:",
      "  dossier purge --feature 047-old-feature",
      "  dossier purge --project 8a4a7da6-a97c-4bb4-893a-b31664abfee4 --yes"
    })
final class PurgeCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** A project or a feature. */
  static final class Target {
    @Option(names = "--project", paramLabel = "U", required = true, description = "Project UUID.")
    String project;

    @Option(
        names = "--feature",
        paramLabel = "SLUG",
        required = true,
        description = "Feature slug.")
    String feature;
  }

  @Option(names = "--yes", description = "Really delete.")
  boolean yes;

  private final CliIo io;

  PurgeCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PurgeScope scope =
        target.project != null
            ? PurgeScope.project(ProjectArguments.canonicalUuid(target.project, "--project"))
            : PurgeScope.feature(target.feature);
    try (CliSession session = CliSession.open(common, io)) {
      PurgeCount count = session.store().purge(scope, !yes);
      if (!yes) {
        io.err()
            .println(
                "dossier: would purge "
                    + count.events()
                    + " events and "
                    + count.bodies()
                    + " bodies; run again with --yes to delete them");
      }
      PurgeCount purged = yes ? count : new PurgeCount(0, 0);
      if (common.json) {
        Json.print(io.out(), Json.object("purged", counts(purged)));
      } else if (yes) {
        io.out().println("purged " + count.events() + " events and " + count.bodies() + " bodies");
      }
      return ExitCode.OK;
    }
  }

  private static Object counts(PurgeCount count) {
    return Json.object("events", count.events(), "bodies", count.bodies());
  }
}
