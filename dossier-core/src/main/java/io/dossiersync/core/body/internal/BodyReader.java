package io.dossiersync.core.body.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a file's first bytes, never through a final symlink; a seam so tests can simulate read
 * failures when run as root.
 */
@FunctionalInterface
interface BodyReader {

  /** Reads through the real file system. */
  BodyReader FILES =
      (path, maxBytes) -> {
        try (InputStream in =
            Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
          return in.readNBytes(maxBytes);
        }
      };

  /**
   * Reads at most {@code maxBytes} bytes from the start of a file.
   *
   * @param path the file
   * @param maxBytes the most bytes to return
   * @return the bytes read, all of the file when it is shorter
   * @throws IOException when the file cannot be opened or read
   */
  byte[] read(Path path, int maxBytes) throws IOException;
}
