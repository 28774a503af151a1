package io.dossiersync.core.transport;

/** How a whole event batch ended (PRODUCT.md §4.2). */
public enum BatchOutcome {
  /** 200 with per-event results; events without a result are retried. */
  DELIVERED,
  /** 429, 5xx, network error, malformed answer: keep the whole batch with backoff. */
  RETRY,
  /** 401: keep the whole batch without penalty, refresh the token. */
  UNAUTHORIZED,
  /** Any other status: the batch's events go to the failure records. */
  FAILED
}
