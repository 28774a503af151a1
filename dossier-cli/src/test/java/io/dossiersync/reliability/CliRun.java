package io.dossiersync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One finished {@code dossier} run, in-process or in a child JVM: exit code, stdout and stderr,
 * with the stdout JSON document parsed on demand.
 *
 * @param exitCode the exit code
 * @param stdout what the command printed on stdout
 * @param stderr what it printed on stderr
 */
record CliRun(int exitCode, String stdout, String stderr) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Runs {@code dossier args…} in this JVM with the given environment. */
  static CliRun inProcess(Map<String, String> env, String... args) {
    io.dossiersync.cli.CliRun run = io.dossiersync.cli.CliRun.of(env, args);
    return new CliRun(run.exit(), run.out(), run.err());
  }

  /** The one JSON document printed on stdout. */
  JsonNode json() {
    try {
      return MAPPER.readTree(stdout);
    } catch (IOException e) {
      throw new UncheckedIOException("stdout is not one JSON document: " + this, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }
}
