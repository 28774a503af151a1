package io.dossiersync.cli;

import static io.dossiersync.cli.HelpTest.EVERY_COMMAND;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
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
    assertThat(subcommandsBuiltFor("status", "--db", "x.db")).containsExactly("status");
    assertThat(subcommandsBuiltFor("sync", "--help")).containsExactly("sync");
  }

  @Test
  void theTopLevelHelpAndAMistypedCommandSeeEveryCommand() {
    assertThat(subcommandsBuiltFor("--help")).containsExactlyElementsOf(EVERY_COMMAND);
    assertThat(subcommandsBuiltFor()).containsExactlyElementsOf(EVERY_COMMAND);
    assertThat(subcommandsBuiltFor("stauts")).containsExactlyElementsOf(EVERY_COMMAND);
    assertThat(subcommandsBuiltFor("completion", "bash"))
        .as("the completion script lists every command")
        .containsExactlyElementsOf(EVERY_COMMAND);
  }

  /** The subcommands {@link DossierCli#command} builds for a command line. */
  private static Set<String> subcommandsBuiltFor(String... args) {
    return DossierCli.command(IO, args).getSubcommands().keySet();
  }
}
