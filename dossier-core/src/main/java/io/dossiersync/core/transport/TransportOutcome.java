package io.dossiersync.core.transport;

/**
 * How a transport classified the receiver's answer to one request: one value per row of the answer
 * tables of PRODUCT.md §4.1 (body push, {@link PushResult}) and §4.2 (event batch, {@link
 * EventBatchResult}). The transport classifies; the drain engine decides what each value does to
 * the tasks. A value names the answer, not the port: a body push never gives {@link #TOO_LARGE},
 * {@link #INVALID} or {@link #UNEXPECTED_STATUS} (its 400 and other statuses are {@link #FAILED});
 * an event batch never gives {@link #ALREADY_EXISTS} or {@link #FAILED} (its refused events are
 * per-event results of a {@link #DELIVERED} batch).
 *
 * @since 0.1.0
 */
public enum TransportOutcome {
  /**
   * Delivered: a body answered 201 {@code {"status":"stored"}} (delete the task); a batch answered
   * 200 with per-event results (events without a result are retried).
   */
  DELIVERED,
  /** A body answered 200 {@code {"status":"already_exists"}}: delete the task. */
  ALREADY_EXISTS,
  /**
   * Try again later with backoff: 404 index_entry_not_found or bare (bodies), 404 with or without a
   * body (batches), 408, 429, 5xx, network errors, a malformed answer; 429 and 503 honour
   * Retry-After.
   */
  RETRY,
  /** 401: keep the task(s) without penalty, refresh the token. */
  UNAUTHORIZED,
  /**
   * A batch answered 413: the drain sends each half again as its own batch, and a single event
   * answered 413 goes to the failure records as {@code rejected: payload_too_large}.
   */
  TOO_LARGE,
  /**
   * A batch answered 400: the drain bisects it to isolate the refused event(s), and a single event
   * answered 400 goes to the failure records as {@code rejected: validation_error[: detail]}.
   */
  INVALID,
  /** A body answered 400, 404 namespace_not_found or any other status: to the failure records. */
  FAILED,
  /**
   * A batch answered any other status (3xx, other 4xx): keep the whole batch with backoff, counting
   * toward the retry ceiling, reason {@code unexpected_status: N} (or {@code redirect:
   * <location>}).
   */
  UNEXPECTED_STATUS
}
