package io.dossiersync.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The rule for files read whole (PRODUCT.md §3: {@code meta.json}, {@code .kittify/config.yaml},
 * manifests, the token file): a regular file (a symlink to one is followed) of at most {@value
 * #DEFAULT_LIMIT} bytes. The type and size are looked at before the file is opened, so a FIFO is
 * never opened (which would block) and a device such as {@code /dev/zero} never read; then at most
 * limit + 1 bytes are read, so a file that grows meanwhile is refused too. Stateless.
 *
 * <pre>{@code
 * byte[] bytes = BoundedFile.read(file); // throws BoundedFile.Refused with a one-line message
 * }</pre>
 */
public final class BoundedFile {

  /** The most bytes a file read whole may have: 1 MiB. */
  public static final int DEFAULT_LIMIT = 1024 * 1024;

  private BoundedFile() {}

  /**
   * Reads a whole file of at most {@value #DEFAULT_LIMIT} bytes.
   *
   * @param file the file
   * @return its bytes
   * @throws Refused when it is not a regular file or is too large (the message names the file)
   * @throws java.nio.file.NoSuchFileException when it does not exist
   * @throws IOException when it cannot be read
   */
  public static byte[] read(Path file) throws IOException {
    return read(file, DEFAULT_LIMIT);
  }

  /**
   * Reads a whole file of at most {@code limit} bytes.
   *
   * @param file the file
   * @param limit the most bytes it may have, at least 0
   * @return its bytes
   * @throws Refused when it is not a regular file or is over {@code limit} bytes
   * @throws java.nio.file.NoSuchFileException when it does not exist
   * @throws IOException when it cannot be read
   */
  public static byte[] read(Path file, int limit) throws IOException {
    if (limit < 0 || limit == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("limit must be between 0 and 2^31 - 2, got " + limit);
    }
    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attrs.isRegularFile()) {
      throw new Refused(
          file
              + ": not a regular file (it is "
              + (attrs.isDirectory() ? "a directory" : "a FIFO, socket or device")
              + "); give a regular file of at most "
              + describe(limit));
    }
    if (attrs.size() > limit) {
      throw tooLarge(file, limit);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(limit + 1);
    }
    if (bytes.length > limit) {
      throw tooLarge(file, limit);
    }
    return bytes;
  }

  private static Refused tooLarge(Path file, int limit) {
    return new Refused(
        file
            + ": larger than "
            + describe(limit)
            + "; a file read whole must be at most "
            + describe(limit));
  }

  private static String describe(int limit) {
    return limit % (1024 * 1024) == 0 && limit > 0
        ? limit / (1024 * 1024) + " MiB"
        : limit + " bytes";
  }

  /** A file refused by the rule: its one-line message names the file and what is wrong. */
  public static final class Refused extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the refusal.
     *
     * @param message one line, {@code <file>: <what is wrong>; <what to do>}
     */
    public Refused(String message) {
      super(message);
    }
  }
}
