package io.dossiersync.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: writes files under a directory, creating parents. */
public final class FeatureFiles {

  private FeatureFiles() {}

  /**
   * Writes UTF-8 text.
   *
   * @param dir the base directory
   * @param relativePath a {@code /}-separated path
   * @param text the content
   * @return the file
   */
  public static Path write(Path dir, String relativePath, String text) {
    return write(dir, relativePath, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes bytes.
   *
   * @param dir the base directory
   * @param relativePath a {@code /}-separated path
   * @param bytes the content
   * @return the file
   */
  public static Path write(Path dir, String relativePath, byte[] bytes) {
    Path file = dir.resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file of {@code size} ASCII bytes.
   *
   * @param size the size
   * @return the bytes, all {@code 'a'}
   */
  public static byte[] ascii(int size) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) 'a');
    return bytes;
  }
}
