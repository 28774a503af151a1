package io.dossiersync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and the git commit the command was built from ({@code version.properties}, filtered
 * at build time): {@code dev} and {@code unknown} when run from unfiltered classes or built outside
 * a git checkout.
 */
final class VersionProvider implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  static String version() {
    String version = DossierCli.class.getPackage().getImplementationVersion();
    return version == null ? built("version", "dev") : version;
  }

  static String commit() {
    return built("commit", "unknown");
  }

  /** A value of the build's resource, or {@code fallback} when missing or left unfiltered. */
  static String built(String key, String fallback) {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return fallback;
    }
    String value = properties.getProperty(key, "").strip();
    return value.isEmpty() || value.startsWith("${") ? fallback : value;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"dossier " + version() + " (commit " + commit() + ")"};
  }
}
