package io.dossiersync.core.index;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out artifact keys that are unique within one dossier (PRODUCT.md §2): the second use of a
 * key gets {@code -2}, the third {@code -3}, and so on. Not thread-safe: one instance per index.
 */
final class ArtifactKeys {

  private static final String UNMATCHED_PREFIX = "artifact.";

  private final Set<String> used = new HashSet<>();

  /**
   * Reserves a key, suffixed when it is taken.
   *
   * @param base the key wanted
   * @return {@code base}, or {@code base-2}, {@code base-3}, ... when taken
   */
  String unique(String base) {
    if (used.add(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String candidate = base + "-" + n;
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * The key of a file no manifest spec matches: {@code artifact.} and the lower-cased path with
   * every code point outside {@code [a-z0-9._-]} replaced by {@code -}.
   *
   * @param relativePath the feature-relative path
   * @return e.g. {@code artifact.notes-my-file.txt} for {@code Notes/My File.txt}
   */
  static String unmatchedKey(String relativePath) {
    String lower = relativePath.toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(UNMATCHED_PREFIX.length() + lower.length());
    key.append(UNMATCHED_PREFIX);
    lower.codePoints().forEach(cp -> key.append(isKeyChar(cp) ? (char) cp : '-'));
    return key.toString();
  }

  private static boolean isKeyChar(int cp) {
    return (cp >= 'a' && cp <= 'z')
        || (cp >= '0' && cp <= '9')
        || cp == '.'
        || cp == '_'
        || cp == '-';
  }
}
