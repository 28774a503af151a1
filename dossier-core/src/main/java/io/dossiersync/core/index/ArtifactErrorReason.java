package io.dossiersync.core.index;

import java.util.Locale;

/**
 * Why an indexed artifact is not present (PRODUCT.md §2, {@code error_reason}).
 *
 * @since 0.1.0
 */
public enum ArtifactErrorReason {
  /** A required artifact of the manifest has no file. */
  NOT_FOUND,
  /** The file exists but could not be read. */
  UNREADABLE,
  /**
   * The file's name cannot be carried as a feature-relative path: not decodable in the host's
   * file-name encoding, or holding {@code \} or a control character (PRODUCT.md §2).
   */
  INVALID_FORMAT,
  /** The file was listed but had vanished when it was read. */
  DELETED_AFTER_SCAN;

  /**
   * The lower-case wire name used in events and reasons.
   *
   * @return e.g. {@code not_found}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
