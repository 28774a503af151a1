package io.dossiersync.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the running bench jar is, for the child processes a scenario starts. Stateless. */
final class BenchJar {

  private BenchJar() {}

  /** The path of the jar (or classes directory) this class was loaded from. */
  static String path() {
    try {
      return Path.of(BenchJar.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the bench jar", e);
    }
  }
}
