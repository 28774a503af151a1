package io.dossiersync.core.index;

import java.util.Locale;

/**
 * Whether the manifest requires an artifact (PRODUCT.md §2, {@code required_status}).
 *
 * @since 0.1.0
 */
public enum RequiredStatus {
  /** The artifact's key is in {@code required_always} or in some step's list. */
  REQUIRED,
  /** Every other artifact. */
  OPTIONAL;

  /**
   * The lower-case wire name used in events.
   *
   * @return {@code required} or {@code optional}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
