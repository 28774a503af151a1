package io.dossiersync.sqlite;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the queue file of a receiver lives when the host gives no path (PRODUCT.md §3): {@code
 * ${DOSSIER_HOME:-~/.dossier-sync}/queues/queue-<key>.db}, where the key is the first 16 hex digits
 * of the SHA-256 of the server URL, lower-cased, trailing {@code /} removed. Two servers therefore
 * never share a queue, and {@code https://Host/} and {@code https://host} do.
 *
 * <p>A home that is missing or relative (a container UID without a passwd entry and without {@code
 * HOME}) is refused rather than guessed: the queue would land under the working directory.
 *
 * <p>Pure functions of their arguments; the overload without an environment reads the process
 * environment and {@code user.home}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class DefaultQueueLocation {

  /** The environment variable that moves the dossier-sync home directory. */
  public static final String HOME_VARIABLE = "DOSSIER_HOME";

  /** The home directory name under the user's home when {@value #HOME_VARIABLE} is unset. */
  public static final String DEFAULT_HOME = ".dossier-sync";

  private DefaultQueueLocation() {}

  /**
   * The default queue file for a server, from the process environment and {@code user.home}.
   *
   * @param serverUrl the receiver's base URL
   * @return the queue file path (not created)
   */
  public static Path forServer(String serverUrl) {
    String home = System.getProperty("user.home");
    return forServer(serverUrl, System.getenv(), Path.of(home == null ? "" : home));
  }

  /**
   * The default queue file for a server.
   *
   * @param serverUrl the receiver's base URL
   * @param environment the environment; {@value #HOME_VARIABLE} unset or empty means the default
   * @param userHome the user's home directory ({@code user.home}); must be absolute unless {@value
   *     #HOME_VARIABLE} is set
   * @return {@code <home>/queues/queue-<serverKey>.db}
   * @throws IllegalArgumentException when {@value #HOME_VARIABLE} is unset and {@code userHome} is
   *     not absolute (no passwd entry and no {@code HOME}: Java says {@code ?}); the message names
   *     {@value #HOME_VARIABLE}
   */
  public static Path forServer(String serverUrl, Map<String, String> environment, Path userHome) {
    String home = environment.get(HOME_VARIABLE);
    boolean unset = home == null || home.isEmpty();
    if (unset && !userHome.isAbsolute()) {
      throw new IllegalArgumentException(
          "no usable home directory for the queue (user.home is '"
              + userHome
              + "'): set "
              + HOME_VARIABLE
              + " to an absolute directory, or give the"
              + " queue file path (--db)");
    }
    Path base = unset ? userHome.resolve(DEFAULT_HOME) : Path.of(home);
    return base.resolve("queues").resolve("queue-" + serverKey(serverUrl) + ".db");
  }

  /**
   * The 16-hex-digit key of a server URL.
   *
   * @param serverUrl the receiver's base URL
   * @return the first 16 hex digits of SHA-256(URL lower-cased, trailing {@code /} removed)
   */
  public static String serverKey(String serverUrl) {
    String normalised = Objects.requireNonNull(serverUrl, "serverUrl").toLowerCase(Locale.ROOT);
    int end = normalised.length();
    while (end > 0 && normalised.charAt(end - 1) == '/') {
      end--;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(normalised.substring(0, end).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
