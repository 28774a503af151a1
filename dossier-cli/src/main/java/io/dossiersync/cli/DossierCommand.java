package io.dossiersync.cli;

import picocli.CommandLine.Command;

/**
 * The top-level {@code dossier} command: only subcommands, which {@link DossierCli} adds from
 * {@link CommandFactory#SUBCOMMANDS} (all of them for the top-level help, only the named one to
 * run a command).
 */
@Command(
    name = "dossier",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sync spec artifact bodies to a dossier receiver, durably.",
    footer = {
      "",
      "Configuration: --server or DOSSIER_SERVER_URL; the token from $DOSSIER_TOKEN (or the"
          + " variable named by --token-env) or --token-file, never as a flag value; --db or"
          + " DOSSIER_DB.",
      "Exit codes: 0 ok, 1 failed / rejected token / unusable queue file, 2 bad usage (nothing"
          + " queued), 3 drain --until-empty stopped at --max-time.",
      "",
      "Try: dossier demo"
    })
final class DossierCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a command is required (sync, drain, status, failures, requeue,"
            + " purge, receiver, demo)");
  }
}
