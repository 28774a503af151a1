package io.dossiersync.core.drain;

import java.util.Locale;

/**
 * What one drain attempt did to one task, and so to the queue (PRODUCT.md §4.1, §4.2).
 *
 * @since 0.1.0
 */
public enum TaskStatus {
  /** An event the receiver accepted ({@code success} or {@code duplicate}): deleted. */
  SENT,
  /** A body the receiver stored (201): deleted. */
  UPLOADED,
  /** A body the receiver already had (200): deleted. */
  ALREADY_EXISTS,
  /** Kept with backoff: the reason says why, the task result when it is due again. */
  RETRY,
  /** Moved to the failure records (refused, or past the retry ceiling). */
  FAILED,
  /** Given back untouched, no retry counted: the token was rejected or the drain stopped. */
  RELEASED;

  /**
   * The lower-case name used in logs and JSON.
   *
   * @return e.g. {@code already_exists}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
