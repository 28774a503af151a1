package io.dossiersync.core.body.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The format filter of body eligibility (PRODUCT.md §2, step 3): the last extension of the file
 * name, compared case-insensitively, must be {@code .md}, {@code .json}, {@code .yaml}, {@code
 * .yml} or {@code .csv}. Stateless and thread-safe.
 */
final class BodyFormats {

  /** The supported extensions, lower-case, with the dot. */
  public static final Set<String> SUPPORTED_EXTENSIONS =
      Set.of(".md", ".json", ".yaml", ".yml", ".csv");

  /** The detail used when a file name has no extension. */
  public static final String NO_EXTENSION = "(no extension)";

  private BodyFormats() {}

  /**
   * The last extension of a path's file name, as written.
   *
   * @param relativePath a {@code /}-separated path
   * @return e.g. {@code .gz} for {@code a.tar.gz}, {@code .TXT} for {@code x.TXT}; empty for {@code
   *     Makefile} (a name whose only dot is its first character, {@code .env}, has none)
   */
  public static Optional<String> extension(String relativePath) {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? Optional.empty() : Optional.of(name.substring(dot));
  }

  /**
   * Checks the format.
   *
   * @param relativePath a {@code /}-separated path
   * @return empty when supported, else the detail for {@code unsupported_format: <detail>}: the
   *     extension as written or {@value #NO_EXTENSION}
   */
  public static Optional<String> unsupportedDetail(String relativePath) {
    Optional<String> ext = extension(relativePath);
    if (ext.isEmpty()) {
      return Optional.of(NO_EXTENSION);
    }
    return SUPPORTED_EXTENSIONS.contains(ext.get().toLowerCase(Locale.ROOT))
        ? Optional.empty()
        : ext;
  }
}
