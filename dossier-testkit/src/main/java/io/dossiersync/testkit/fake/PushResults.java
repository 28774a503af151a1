package io.dossiersync.testkit.fake;

import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TransportOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * Ready-made {@link PushResult}s, classified as the HTTP adapter classifies the receiver's answers
 * (PRODUCT.md §4.1), for scripting a {@link ScriptedContentTransport}. Stateless.
 *
 * @since 0.1.0
 */
public final class PushResults {

  private PushResults() {}

  /**
   * 201 {@code {"status":"stored"}}.
   *
   * @return UPLOADED, reason {@code stored}
   */
  public static PushResult stored() {
    return PushResult.of(TransportOutcome.DELIVERED, 201, "stored");
  }

  /**
   * 200 {@code {"status":"already_exists"}}.
   *
   * @return ALREADY_EXISTS, reason {@code already_exists}
   */
  public static PushResult alreadyExists() {
    return PushResult.of(TransportOutcome.ALREADY_EXISTS, 200, "already_exists");
  }

  /**
   * 404 {@code {"error":"index_entry_not_found"}}: the receiver has not materialized the index yet.
   *
   * @return RETRY, reason {@code index_entry_not_found}
   */
  public static PushResult indexEntryNotFound() {
    return PushResult.of(TransportOutcome.RETRY, 404, "index_entry_not_found");
  }

  /**
   * 404 {@code {"error":"namespace_not_found"}}.
   *
   * @return FAILED, reason {@code namespace_not_found}
   */
  public static PushResult namespaceNotFound() {
    return PushResult.of(TransportOutcome.FAILED, 404, "namespace_not_found");
  }

  /**
   * 400 validation error.
   *
   * @param detail what the receiver said was wrong
   * @return FAILED, reason {@code validation_error: <detail>}
   */
  public static PushResult validationError(String detail) {
    return PushResult.of(TransportOutcome.FAILED, 400, "validation_error: " + detail);
  }

  /**
   * 401.
   *
   * @return UNAUTHORIZED, reason {@code unauthorized}
   */
  public static PushResult unauthorized() {
    return PushResult.of(TransportOutcome.UNAUTHORIZED, 401, "unauthorized");
  }

  /**
   * 429 with a {@code retry_after}.
   *
   * @param retryAfter the delay the receiver asked for
   * @return RETRY, reason {@code rate_limited}
   */
  public static PushResult rateLimited(Duration retryAfter) {
    return new PushResult(TransportOutcome.RETRY, 429, "rate_limited", Optional.of(retryAfter));
  }

  /**
   * 503 without Retry-After.
   *
   * @return RETRY, reason {@code http_503}
   */
  public static PushResult serviceUnavailable() {
    return PushResult.of(TransportOutcome.RETRY, 503, "http_503");
  }

  /**
   * A bare 404 without a parseable error.
   *
   * @return RETRY, reason {@code not_found}
   */
  public static PushResult bareNotFound() {
    return PushResult.of(TransportOutcome.RETRY, 404, "not_found");
  }

  /**
   * A connection reset: no HTTP answer at all.
   *
   * @return RETRY, status 0, reason {@code connection_error: connection reset}
   */
  public static PushResult connectionReset() {
    return PushResult.networkError("connection_error: connection reset");
  }
}
