package io.dossiersync.cli;

import io.dossiersync.postgres.PostgresQueueStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code --db postgresql://[USER@]HOST[:PORT]/DB} value: the PostgreSQL store instead of a queue
 * file. The user comes from the URL or {@code PGUSER}; the password only from {@code
 * --db-password-file} or {@code PGPASSWORD}, never from the URL or a flag value, and is never
 * printed or logged. Stateless.
 */
final class PostgresLocation {

  private PostgresLocation() {}

  /** Whether a {@code --db} value names a PostgreSQL database rather than a file. */
  static boolean matches(String db) {
    return db.startsWith("postgresql://") || db.startsWith("postgres://");
  }

  /**
   * Configures the PostgreSQL store a {@code --db} value names.
   *
   * @param db the value, {@code postgresql://[USER@]HOST[:PORT]/DB}
   * @param passwordFile the {@code --db-password-file}, if given
   * @param io the environment
   * @return the builder, not yet opened
   * @throws CliException (usage) for a malformed value, a password in it, or an unreadable file
   */
  static PostgresQueueStore.Builder builder(String db, Optional<Path> passwordFile, CliIo io) {
    URI uri;
    try {
      uri = new URI(db);
    } catch (URISyntaxException e) {
      throw CliException.usage("invalid --db '" + redacted(db) + "': " + e.getReason());
    }
    String path = uri.getPath();
    if (uri.getHost() == null || path == null || path.length() < 2) {
      throw CliException.usage(
          "invalid --db '" + redacted(db) + "': expected postgresql://[USER@]HOST[:PORT]/DB");
    }
    String userInfo = uri.getUserInfo();
    if (userInfo != null && userInfo.contains(":")) {
      throw CliException.usage(
          "--db must not hold a password: put it in PGPASSWORD or a file"
              + " named by --db-password-file");
    }
    String jdbc =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + path;
    Optional<String> user = Optional.ofNullable(userInfo).or(() -> io.envValue("PGUSER"));
    return PostgresQueueStore.builder()
        .url(jdbc)
        .user(user.orElse(null))
        .password(password(passwordFile, io).orElse(null));
  }

  private static Optional<String> password(Optional<Path> file, CliIo io) {
    if (file.isEmpty()) {
      return io.envValue("PGPASSWORD");
    }
    try {
      String text = Files.readString(file.get(), StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return Optional.of((end < 0 ? text : text.substring(0, end)).strip());
    } catch (IOException e) {
      throw CliException.usage(
          "--db-password-file " + file.get() + " cannot be read: " + e.getMessage());
    }
  }

  /** The value without anything between {@code //} and {@code @} (a password given by mistake). */
  private static String redacted(String db) {
    return db.replaceAll("//[^/@]*@", "//***@");
  }
}
