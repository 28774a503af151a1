package io.dossiersync.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * What a command reads from and writes to its surroundings: stdout (results only), stderr
 * (progress, logs, errors) and the environment. Tests pass their own.
 *
 * @param out standard output: the table or the one JSON document
 * @param err standard error: progress, warnings and errors
 * @param env the environment variables
 */
record CliIo(PrintStream out, PrintStream err, Map<String, String> env) {

  /** The real process streams and environment. */
  static CliIo system() {
    return new CliIo(System.out, System.err, System.getenv());
  }

  /** An environment variable, empty when unset or blank. */
  Optional<String> envValue(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
