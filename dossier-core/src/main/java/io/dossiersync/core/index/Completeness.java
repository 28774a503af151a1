package io.dossiersync.core.index;

import java.util.Locale;

/**
 * Whether a dossier holds every required artifact (PRODUCT.md §2, {@code completeness_status}).
 *
 * @since 0.1.0
 */
public enum Completeness {
  /** A manifest applies and no required artifact is missing. */
  COMPLETE,
  /** A manifest applies and at least one required artifact is missing or unreadable. */
  INCOMPLETE,
  /** No manifest is known for the mission type, so nothing is required. */
  UNKNOWN;

  /**
   * The lower-case wire name used in events.
   *
   * @return e.g. {@code incomplete}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
