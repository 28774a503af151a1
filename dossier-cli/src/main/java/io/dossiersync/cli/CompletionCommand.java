package io.dossiersync.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dossier completion bash|zsh}: prints a completion script for every command and option
 * (picocli's {@link AutoComplete}; the one script serves both shells, zsh through {@code
 * bashcompinit}).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for dossier's commands and options."},
    footer = {
      "",
      "Examples:",
      "  source <(dossier completion bash)     # this bash session",
      "  dossier completion bash > /etc/bash_completion.d/dossier",
      "  source <(dossier completion zsh)      # this zsh session; add it to ~/.zshrc"
    })
final class CompletionCommand implements Callable<Integer> {

  /** The shells the script is for. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("dossier", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
