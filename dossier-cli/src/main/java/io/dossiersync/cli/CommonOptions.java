package io.dossiersync.cli;

import io.dossiersync.core.queue.QueueStore;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command shares (PRODUCT.md §6): server (and whether plain http to a remote host
 * is allowed), token source, queue file, capacity, output format and verbosity. A flag wins over
 * its environment variable.
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
      description =
          "File holding the bearer token (env DOSSIER_TOKEN_FILE); re-read for up to"
              + " 10 s when the receiver answers 401.")
  Path tokenFile;

  @Option(
      names = "--insecure-http",
      description =
          "Allow a plain http:// server URL to a host that is not loopback (the token"
              + " then travels in clear).")
  boolean insecureHttp;

  @Option(
      names = "--db",
      paramLabel = "PATH|postgresql://HOST[:PORT]/DB",
      description =
          "Queue database file, or a PostgreSQL database shared by many hosts (env"
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
      description =
          "Most tasks per queue (env DOSSIER_MAX_QUEUE_SIZE; default "
              + QueueStore.DEFAULT_MAX_QUEUE_SIZE
              + ").")
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

  /** The token file from the flag or DOSSIER_TOKEN_FILE, if given. */
  Optional<Path> tokenFile(CliIo io) {
    if (tokenFile != null) {
      return Optional.of(tokenFile);
    }
    return io.envValue("DOSSIER_TOKEN_FILE").map(Path::of);
  }

  /** The token source: the file when given, else the environment variable. */
  TokenSource tokens(CliIo io) {
    return TokenSource.resolve(tokenFile(io), tokenEnv, io);
  }
}
