package io.dossiersync.core.transport;

/**
 * How the receiver's answer to one push-content request is classified (PRODUCT.md §4.1).
 *
 * @since 0.1.0
 */
public enum PushOutcome {
  /** 201 {@code {"status":"stored"}}: delete the task. */
  UPLOADED,
  /** 200 {@code {"status":"already_exists"}}: delete the task. */
  ALREADY_EXISTS,
  /** Try again later with backoff: 404 index_entry_not_found or bare, 429, 5xx, network errors. */
  RETRY,
  /** 401: keep the task without penalty, refresh the token. */
  UNAUTHORIZED,
  /** 400, 404 namespace_not_found, any other status: to the failure records. */
  FAILED
}
