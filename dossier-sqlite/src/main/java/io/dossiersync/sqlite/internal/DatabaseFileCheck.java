package io.dossiersync.sqlite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Looks at the first 100 bytes of an existing file, without opening it through SQLite, to refuse
 * files that are not SQLite databases or are visibly cut short: such a file must never be handed to
 * SQLite for writing (it would be overwritten or "repaired"). Stateless.
 */
final class DatabaseFileCheck {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 100;

  private DatabaseFileCheck() {}

  /**
   * Checks an existing, non-empty file.
   *
   * @param file the file
   * @return empty when it looks like an intact SQLite database, else what is wrong with it
   * @throws IOException when the file cannot be read
   */
  static Optional<String> problem(Path file) throws IOException {
    long length = Files.size(file);
    byte[] header = new byte[HEADER];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, HEADER);
    }
    if (read < MAGIC.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Optional.of("no SQLite header");
    }
    if (read < HEADER) {
      return Optional.of("the header is cut short at " + read + " bytes");
    }
    int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
    long pageBytes = pageSize == 1 ? 65_536 : pageSize;
    long pages = bigEndian(header, 28);
    boolean pageCountValid = pages > 0 && bigEndian(header, 24) == bigEndian(header, 92);
    // With a non-empty write-ahead log next to it, a crash during a checkpoint may leave the file
    // shorter than its header says until SQLite replays the log: only judge a file without one.
    if (pageCountValid && !hasWriteAheadLog(file) && length < pages * pageBytes) {
      return Optional.of("truncated: " + length + " bytes, the header says " + pages * pageBytes);
    }
    return Optional.empty();
  }

  private static boolean hasWriteAheadLog(Path file) throws IOException {
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    return Files.exists(wal) && Files.size(wal) > 0;
  }

  private static long bigEndian(byte[] bytes, int offset) {
    return ((long) (bytes[offset] & 0xff) << 24)
        | ((bytes[offset + 1] & 0xff) << 16)
        | ((bytes[offset + 2] & 0xff) << 8)
        | (bytes[offset + 3] & 0xff);
  }
}
