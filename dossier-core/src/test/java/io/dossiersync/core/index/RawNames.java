package io.dossiersync.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Creates a file whose name is raw bytes (not text), through the shell: Java cannot name it. */
final class RawNames {

  private RawNames() {}

  /**
   * Creates an empty file with a name of raw bytes.
   *
   * @param dir the directory
   * @param name the name's bytes, e.g. invalid UTF-8
   * @return the directory's entry for it, as Java lists it
   */
  static Path create(Path dir, byte[] name) throws IOException, InterruptedException {
    StringBuilder octal = new StringBuilder();
    for (byte b : name) {
      octal.append(String.format("\\%03o", b & 0xff));
    }
    Process p =
        new ProcessBuilder("sh", "-c", "touch \"$(printf '" + octal + "')\"")
            .directory(dir.toFile())
            .inheritIO()
            .start();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("could not create a raw-byte name in " + dir);
    }
    try (var entries = Files.list(dir)) {
      return entries
          .filter(e -> e.getFileName().toString().indexOf('\uFFFD') >= 0)
          .findFirst()
          .orElseThrow(() -> new IOException("raw-byte name not listed in " + dir));
    }
  }
}
