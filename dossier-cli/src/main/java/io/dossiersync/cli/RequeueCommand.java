package io.dossiersync.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dossier requeue}: moves failure records back to their queue (PRODUCT.md §6). */
@Command(
    name = "requeue",
    mixinStandardHelpOptions = true,
    description = "Put failure records back in the queue, as new tasks, ready at once.",
    footer = {"", "Examples:", "  dossier requeue --all", "  dossier requeue 12 13"})
final class RequeueCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  /** Either every record or the given ids. */
  static final class Selection {
    @Option(names = "--all", required = true, description = "Re-queue every failure record.")
    boolean all;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Failure record ids.")
    List<Long> ids;
  }

  private final CliIo io;

  RequeueCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    try (CliSession session = CliSession.open(common, io)) {
      var now = session.clock().instant();
      int requeued =
          selection.all
              ? session.store().failures().requeueAll(now)
              : session.store().failures().requeue(selection.ids, now);
      if (common.json) {
        Json.print(io.out(), Json.object("requeued", requeued));
      } else {
        io.out().println("requeued " + requeued + " tasks; send them with 'dossier drain'");
      }
      return ExitCode.OK;
    }
  }
}
