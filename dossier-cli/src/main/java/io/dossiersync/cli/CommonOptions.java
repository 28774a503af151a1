package io.dossiersync.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command shares (PRODUCT.md §6): server, token source, queue file, capacity,
 * output format and verbosity. A flag wins over its environment variable.
 */
final class CommonOptions {

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Receiver base URL (env DOSSIER_SERVER_URL).")
  String server;

  @Option(
      names = "--token-env",
      paramLabel = "NAME",
      defaultValue = "DOSSIER_TOKEN",
      description = "Environment variable holding the bearer token (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  @Option(
      names = "--token-file",
      paramLabel = "PATH",
      description = "File holding the bearer token; re-read when the receiver answers 401.")
  Path tokenFile;

  @Option(
      names = "--db",
      paramLabel = "PATH|postgresql://HOST[:PORT]/DB",
      description = "Queue database file, or a PostgreSQL database shared by many hosts (env"
          + " DOSSIER_DB; default: one file per server under $DOSSIER_HOME/queues).")
  String db;

  @Option(
      names = "--db-password-file",
      paramLabel = "PATH",
      description = "File holding the PostgreSQL password (else PGPASSWORD); never a flag value.")
  Path dbPasswordFile;

  @Option(
      names = "--max-queue-size",
      paramLabel = "N",
      description = "Most tasks per queue (env DOSSIER_MAX_QUEUE_SIZE; default 100000).")
  Integer maxQueueSize;

  @Option(names = "--json", description = "Print one JSON document on stdout instead of a table.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log progress details and show stack traces of errors on stderr.")
  boolean verbose;

  /** The server URL from the flag or DOSSIER_SERVER_URL. */
  Optional<String> server(CliIo io) {
    if (server != null && !server.isBlank()) {
      return Optional.of(server.strip());
    }
    return io.envValue("DOSSIER_SERVER_URL");
  }

  /** The queue capacity from the flag or DOSSIER_MAX_QUEUE_SIZE. */
  Optional<Integer> maxQueueSize(CliIo io) {
    if (maxQueueSize != null) {
      return Optional.of(requirePositive(maxQueueSize, "--max-queue-size"));
    }
    Optional<String> env = io.envValue("DOSSIER_MAX_QUEUE_SIZE");
    if (env.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(requirePositive(Integer.parseInt(env.get()), "DOSSIER_MAX_QUEUE_SIZE"));
    } catch (NumberFormatException e) {
      throw CliException.usage(
          "DOSSIER_MAX_QUEUE_SIZE must be a whole number, got '" + env.get() + "'");
    }
  }

  private static int requirePositive(int value, String name) {
    if (value < 1) {
      throw CliException.usage(name + " must be at least 1, got " + value);
    }
    return value;
  }

  /** The queue file or PostgreSQL URL from the flag or DOSSIER_DB, if given. */
  Optional<String> db(CliIo io) {
    if (db != null) {
      return Optional.of(db);
    }
    return io.envValue("DOSSIER_DB");
  }

  /** The PostgreSQL password file, if given. */
  Optional<Path> dbPasswordFile() {
    return Optional.ofNullable(dbPasswordFile);
  }

  /** The token source: the file when given, else the environment variable. */
  TokenSource tokens(CliIo io) {
    return TokenSource.resolve(Optional.ofNullable(tokenFile), tokenEnv, io);
  }
}
