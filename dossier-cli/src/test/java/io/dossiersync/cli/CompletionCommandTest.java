package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code dossier completion}: a script that completes every command and its options. */
class CompletionCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh"})
  void printsAScriptCompletingEveryCommandAndOption(String shell) {
    CliRun run = CliRun.of(Map.of(), "completion", shell);

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("complete -F", "bashcompinit")
        .contains("sync", "drain", "status", "failures", "requeue", "purge", "receiver", "demo")
        .contains("--no-drain", "--until-empty", "--max-time");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnknownShellIsBadUsage() {
    CliRun run = CliRun.of(Map.of(), "completion", "fish");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("fish").contains("bash", "zsh");
  }
}
