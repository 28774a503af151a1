package io.dossiersync.core.index;

import java.util.Locale;

/** Why an indexed artifact is not present (PRODUCT.md §2, {@code error_reason}). */
public enum ArtifactErrorReason {
  /** A required artifact of the manifest has no file. */
  NOT_FOUND,
  /** The file exists but could not be read. */
  UNREADABLE,
  /** The file could not be interpreted (reserved: the file-system indexer never reports it). */
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
