package io.dossiersync.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test-only door to {@link DossierCli#run} for test packages outside {@code io.dossiersync.cli}
 * (the reliability suite): runs one {@code dossier} command in this JVM with captured stdout and
 * stderr and the given environment. Not thread-safe with respect to the JVM-wide logging set-up
 * that the command performs on its first run.
 */
public final class InProcessDossier {

  private InProcessDossier() {}

  /**
   * What one in-process run printed and returned.
   *
   * @param exitCode the command's exit code
   * @param stdout everything written to stdout
   * @param stderr everything written to stderr
   */
  public record Result(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code dossier args…}.
   *
   * @param env the environment the command sees (instead of the process environment)
   * @param args the command line
   * @return the exit code and both outputs
   */
  public static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = DossierCli.run(args, new CliIo(o, e, Map.copyOf(env)));
      return new Result(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }
}
