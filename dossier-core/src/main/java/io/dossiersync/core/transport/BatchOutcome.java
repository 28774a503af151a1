package io.dossiersync.core.transport;

/**
 * How a whole event batch ended: one value per row of the answer table of PRODUCT.md §4.2. The
 * transport classifies; the drain engine decides what each value does to the batch's events.
 *
 * @since 0.1.0
 */
public enum BatchOutcome {
  /** 200 with per-event results; events without a result are retried. */
  DELIVERED,
  /** 404 (with or without a body), 408, 429, 5xx, network error, malformed answer: keep the whole
   * batch with backoff (429 and 503 honour Retry-After). */
  RETRY,
  /** 401: keep the whole batch without penalty, refresh the token. */
  UNAUTHORIZED,
  /** 413: the batch is too large; the drain sends each half again as its own batch, and a single
   * event answered 413 goes to the failure records as {@code rejected: payload_too_large}. */
  TOO_LARGE,
  /** 400: the receiver refuses something in the batch; the drain bisects it to isolate the refused
   * event(s), and a single event answered 400 goes to the failure records as {@code rejected:
   * validation_error[: detail]}. */
  INVALID,
  /** Any other status (3xx, other 4xx): keep the whole batch with backoff, counting toward the
   * retry ceiling, reason {@code unexpected_status: N} (or {@code redirect: <location>}). */
  UNEXPECTED_STATUS
}
