package io.dossiersync.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command reads from and writes to its surroundings: stdout (results only), stderr
 * (progress, logs, errors) and the environment. Tests and hosts running the command in-process pass
 * their own; the record is immutable, the streams are the caller's.
 *
 * @param out standard output: the table or the one JSON document
 * @param err standard error: progress, warnings and errors
 * @param env the environment variables
 */
public record CliIo(PrintStream out, PrintStream err, Map<String, String> env) {

  /** Checks the parts and copies the environment. */
  public CliIo {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }

  /** The real process streams and environment. */
  public static CliIo system() {
    return new CliIo(System.out, System.err, System.getenv());
  }

  /** An environment variable, empty when unset or blank. */
  public Optional<String> envValue(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
