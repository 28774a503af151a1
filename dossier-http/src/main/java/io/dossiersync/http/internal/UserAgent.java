package io.dossiersync.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The default {@code User-Agent}, {@code dossier-sync/<version>}: the version comes from the jar
 * manifest ({@code Implementation-Version}), else from the {@code version.properties} resource that
 * the build fills in, else {@code dev}. Stateless and thread-safe.
 */
public final class UserAgent {

  /** The product token that starts the default user agent. */
  public static final String PRODUCT = "dossier-sync";

  private static final String RESOURCE = "/io/dossiersync/http/version.properties";

  private UserAgent() {}

  /**
   * The default user agent.
   *
   * @return {@code dossier-sync/<version>}
   */
  public static String defaultValue() {
    return PRODUCT + "/" + version();
  }

  /**
   * The library's version.
   *
   * @return the manifest version, else the build's, else {@code dev}
   */
  public static String version() {
    Optional<String> fromManifest =
        Optional.ofNullable(UserAgent.class.getPackage().getImplementationVersion());
    return fromManifest.filter(UserAgent::isValid).or(UserAgent::fromResource).orElse("dev");
  }

  private static Optional<String> fromResource() {
    try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties props = new Properties();
      props.load(in);
      return Optional.ofNullable(props.getProperty("version"))
          .map(String::strip)
          .filter(v -> !v.startsWith("${"))
          .filter(UserAgent::isValid);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells whether a value may be sent as a header value: non-blank, printable ASCII (spaces allowed
   * inside).
   *
   * @param value the candidate
   * @return true when it is acceptable
   */
  public static boolean isValid(String value) {
    if (value.isBlank()) {
      return false;
    }
    return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }
}
