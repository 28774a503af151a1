package io.dossiersync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The top-level {@code dossier} command: only subcommands, which {@link DossierCli} adds from
 * {@link CommandFactory#SUBCOMMANDS} (all of them for the top-level help, only the named one to run
 * a command). Bare {@code dossier} prints the help on stderr and exits 2 (bad usage), so that
 * scripts still see the mistake.
 */
@Command(
    name = "dossier",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sync spec artifact bodies to a dossier receiver, durably.",
    footer = {
      "",
      "Configuration: --server or DOSSIER_SERVER_URL; the token from $DOSSIER_TOKEN (or the"
          + " variable named by --token-env) or --token-file (or DOSSIER_TOKEN_FILE), never as a"
          + " flag value; --db or DOSSIER_DB.",
      "Exit codes: 0 ok, 1 failed / rejected token / unusable queue file, 2 bad usage (nothing"
          + " queued), 3 drain --until-empty stopped at --max-time, 4 status --check found a stale"
          + " task or failure records.",
      "",
      "Try: dossier demo"
    })
final class DossierCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.println("dossier: a command is required");
    err.println();
    spec.commandLine().usage(err);
    err.flush();
    return ExitCode.USAGE;
  }
}
