package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command builds only the subcommand it runs; the top-level help and a mistyped command see every
 * subcommand, in the help's order.
 */
class LazySubcommandsTest {

  private static final CliIo IO =
      new CliIo(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          Map.of());

  @Test
  void aNamedCommandBuildsOnlyItself() {
    assertThat(DossierCli.command(IO, "status", "--db", "x.db").getSubcommands().keySet())
        .containsExactly("status");
    assertThat(DossierCli.command(IO, "sync", "--help").getSubcommands().keySet())
        .containsExactly("sync");
  }

  @Test
  void theTopLevelHelpAndAMistypedCommandSeeEveryCommand() {
    String[] all = {
      "sync",
      "drain",
      "watch",
      "status",
      "failures",
      "requeue",
      "purge",
      "receiver",
      "demo",
      "completion"
    };
    assertThat(DossierCli.command(IO, "--help").getSubcommands().keySet()).containsExactly(all);
    assertThat(DossierCli.command(IO).getSubcommands().keySet()).containsExactly(all);
    assertThat(DossierCli.command(IO, "stauts").getSubcommands().keySet()).containsExactly(all);
    assertThat(DossierCli.command(IO, "completion", "bash").getSubcommands().keySet())
        .as("the completion script lists every command")
        .containsExactly(all);
  }

  @Test
  void theTopLevelHelpListsEveryCommand() {
    CliRun help = CliRun.of(Map.of(), "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains(
            "sync", "drain", "watch", "status", "failures", "requeue", "purge", "receiver", "demo");
  }
}
