package io.dossiersync.http.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the receiver's JSON answer object says, as far as classification needs it. Every field is
 * optional because receivers and proxies answer with anything.
 *
 * @param status the textual {@code status} field ({@code stored}, {@code already_exists})
 * @param error the textual {@code error} field ({@code index_entry_not_found}, ...)
 * @param detail a one-line human detail: {@code detail} or {@code message}, else {@code error},
 *     else the object itself in compact JSON; at most {@link ErrorBodyParser#MAX_DETAIL} chars
 * @param retryAfter the {@code retry_after} field in seconds, when it is a non-negative number
 */
record ErrorBody(
    Optional<String> status,
    Optional<String> error,
    Optional<String> detail,
    Optional<Duration> retryAfter) {

  /**
   * Checks that no field is null.
   *
   * @param status the textual {@code status} field
   * @param error the textual {@code error} field
   * @param detail a one-line human detail
   * @param retryAfter the {@code retry_after} field as a delay
   */
  public ErrorBody {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }
}
