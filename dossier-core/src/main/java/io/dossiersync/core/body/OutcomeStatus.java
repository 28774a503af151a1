package io.dossiersync.core.body;

import java.util.Locale;

/**
 * The status of one artifact's body in a sync or drain (PRODUCT.md §2, UploadOutcome).
 *
 * @since 0.1.0
 */
public enum OutcomeStatus {
  /** The receiver stored the body (201). */
  UPLOADED,
  /** The receiver already had this body (200). */
  ALREADY_EXISTS,
  /** The body waits in the durable queue. */
  QUEUED,
  /** The artifact is not eligible for body sync; the reason says why. */
  SKIPPED,
  /** The body could not be queued or was refused; the reason says why. */
  FAILED;

  /**
   * The lower-case wire name used in JSON output and logs.
   *
   * @return e.g. {@code already_exists}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
