package io.dossiersync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of the {@code dossier} command: its exit code and everything it wrote on
 * stdout and stderr, including what loggers wrote to the process's {@code System.err} meanwhile.
 * Public for the test packages outside {@code io.dossiersync.cli} (e2e, reliability). Runs are not
 * meant to overlap: each swaps {@code System.out} and {@code System.err} while it lasts.
 *
 * @param exit the exit code
 * @param out what the command printed on stdout
 * @param err what the command printed on stderr, logs included
 */
public record CliRun(int exit, String out, String err) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Runs {@code dossier args…} in this JVM with the given environment.
   *
   * @param env the environment the command sees
   * @param args the command line
   * @return the exit code and both outputs
   */
  public static CliRun of(Map<String, String> env, List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    PrintStream systemErr = System.err;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(outStream);
      System.setErr(errStream);
      int exit = DossierCli.run(args.toArray(String[]::new), new CliIo(outStream, errStream, env));
      return new CliRun(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(systemOut);
      System.setErr(systemErr);
    }
  }

  /**
   * Runs {@code dossier args…} in this JVM with the given environment.
   *
   * @param env the environment the command sees
   * @param args the command line
   * @return the exit code and both outputs
   */
  public static CliRun of(Map<String, String> env, String... args) {
    return of(env, List.of(args));
  }

  /** Stdout parsed as the one JSON document it must be. */
  JsonNode json() {
    try {
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("stdout is not one JSON document:\n" + out, e);
    }
  }

  /** Stdout and stderr, for failure messages. */
  String transcript() {
    return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }

  /** The arguments with more appended. */
  static List<String> args(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }
}
