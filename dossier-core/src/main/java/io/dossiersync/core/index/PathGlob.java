package io.dossiersync.core.index;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A manifest {@code path_pattern}, matched against the whole feature-relative path (PRODUCT.md §2).
 * Matching is case-sensitive and uses {@code /} as the only separator.
 *
 * <ul>
 *   <li>{@code *} matches any run of characters within one path segment (never {@code /});
 *   <li>{@code **}{@code /} matches zero or more whole directories ({@code docs/**}{@code /*.md}
 *       matches {@code docs/a.md} and {@code docs/x/y/a.md});
 *   <li>{@code **} anywhere else matches any run of characters, {@code /} included;
 *   <li>{@code ?} matches exactly one character other than {@code /};
 *   <li>every other character matches itself (there are no character classes or braces).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class PathGlob {

  private final String pattern;
  private final Pattern regex;

  private PathGlob(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  /**
   * Compiles a pattern.
   *
   * @param pattern the glob, e.g. {@code tasks/WP*.md}
   * @return the compiled glob
   */
  public static PathGlob compile(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    StringBuilder out = new StringBuilder(pattern.length() * 2);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*' && pattern.startsWith("**/", i)) {
        out.append("(?:[^/]*/)*");
        i += 3;
      } else if (c == '*' && pattern.startsWith("**", i)) {
        out.append(".*");
        i += 2;
      } else if (c == '*') {
        out.append("[^/]*");
        i++;
      } else if (c == '?') {
        out.append("[^/]");
        i++;
      } else {
        int next = nextSpecial(pattern, i);
        out.append(Pattern.quote(pattern.substring(i, next)));
        i = next;
      }
    }
    return new PathGlob(pattern, Pattern.compile(out.toString(), Pattern.DOTALL));
  }

  private static int nextSpecial(String pattern, int from) {
    int i = from;
    while (i < pattern.length() && pattern.charAt(i) != '*' && pattern.charAt(i) != '?') {
      i++;
    }
    return i;
  }

  /**
   * Tells whether the whole relative path matches.
   *
   * @param relativePath a feature-relative path with {@code /} separators
   * @return true when the pattern matches the whole path
   */
  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
  }

  /**
   * The pattern as written.
   *
   * @return the glob text
   */
  public String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
