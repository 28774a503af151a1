package io.dossiersync.core.index;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The name rule of PRODUCT.md §2: a file name can be carried as part of a feature-relative path
 * when the host's file-name encoding decodes it (the decoded text names the same file again) and it
 * holds no {@code \} and no control character. Stateless.
 */
final class CarriedNames {

  /** What replaces each undecodable byte and each forbidden character. */
  static final char REPLACEMENT = '\uFFFD';

  private CarriedNames() {}

  /**
   * Checks one directory entry's name.
   *
   * @param child a directory entry
   * @return empty when the name can be carried as it is, else the name with every undecodable byte
   *     (already U+FFFD in the decoded text) and every {@code \} or control character replaced by
   *     U+FFFD
   */
  static Optional<String> problem(Path child) {
    String name = child.getFileName().toString();
    boolean decodable = decodes(child, name);
    StringBuilder replaced = new StringBuilder(name.length());
    boolean forbidden = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' || Character.isISOControl(c)) {
        replaced.append(REPLACEMENT);
        forbidden = true;
      } else {
        replaced.append(c);
      }
    }
    return decodable && !forbidden ? Optional.empty() : Optional.of(replaced.toString());
  }

  private static boolean decodes(Path child, String name) {
    if (name.indexOf(REPLACEMENT) < 0) {
      return true;
    }
    try {
      return child.getFileName().equals(child.getFileSystem().getPath(name));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
