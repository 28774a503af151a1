package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every command explains itself with {@code --help}, examples included. */
class HelpTest {

  /** Every subcommand, in the order the top-level help lists them. */
  static final List<String> EVERY_COMMAND =
      List.of(
          "sync",
          "drain",
          "watch",
          "status",
          "failures",
          "requeue",
          "purge",
          "receiver",
          "demo",
          "completion");

  @ParameterizedTest
  @FieldSource("EVERY_COMMAND")
  void everyCommandHasHelpWithExamples(String command) {
    CliRun help = CliRun.of(Map.of(), command, "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: dossier " + command).contains("Examples:");
  }

  @Test
  void topLevelHelpListsEveryCommandAndTheExitCodes() {
    CliRun help = CliRun.of(Map.of(), "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains(EVERY_COMMAND).contains("Exit codes");
  }

  @Test
  void noCommandPrintsTheHelpAndExitsTwo() {
    CliRun none = CliRun.of(Map.of());

    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err())
        .contains("a command is required")
        .contains("Usage: dossier", "Commands:", "sync", "completion", "Exit codes");
    assertThat(none.out()).isEmpty();
  }

  @Test
  void versionShowsTheVersionAndTheCommit() {
    CliRun version = CliRun.of(Map.of(), "--version");

    assertThat(version.exit()).isZero();
    assertThat(version.out()).matches("dossier \\S+ \\(commit (unknown|[0-9a-f]{7,40})\\)\\R");
    assertThat(VersionProvider.version()).doesNotStartWith("${");
  }

  @Test
  void anUnfilteredValueReadsAsUnknown() {
    assertThat(VersionProvider.built("no-such-key", "unknown")).isEqualTo("unknown");
  }
}
