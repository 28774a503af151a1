package io.dossiersync.core.index;

/** The rule for feature-relative paths and patterns: {@code /} separators, never up or out. */
final class RelativePaths {

  private RelativePaths() {}

  /**
   * Tells whether a path stays inside the feature directory.
   *
   * @param path a candidate relative path or pattern
   * @return true when it is non-blank, not absolute, has no {@code \} and no {@code ..} segment
   */
  static boolean staysInside(String path) {
    return !path.isBlank()
        && !path.startsWith("/")
        && path.indexOf('\\') < 0
        && !("/" + path + "/").contains("/../");
  }
}
