package io.dossiersync.http.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an HTTP answer that classification reads. The body is capped at {@link
 * PooledHttpClient#MAX_ANSWER_BYTES}; it is never logged.
 *
 * @param status the HTTP status code
 * @param retryAfter the first {@code Retry-After} header, if any
 * @param location the first {@code Location} header, if any
 * @param body the answer body, possibly empty or cut at the cap
 */
public record ReceivedAnswer(
    int status, Optional<String> retryAfter, Optional<String> location, byte[] body) {

  /**
   * Checks that no field is null.
   *
   * @param status the HTTP status code
   * @param retryAfter the first {@code Retry-After} header, if any
   * @param location the first {@code Location} header, if any
   * @param body the answer body
   */
  public ReceivedAnswer {
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(body, "body");
  }

  /**
   * Tells whether the status is 2xx.
   *
   * @return true for 200..299
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /**
   * Tells whether the status is 3xx.
   *
   * @return true for 300..399
   */
  public boolean isRedirect() {
    return status >= 300 && status < 400;
  }

  /**
   * The reason for a 3xx answer: {@code redirect: <Location>}.
   *
   * @return the reason
   */
  public String redirectReason() {
    return "redirect: " + location.map(ErrorBodyParser::oneLine).orElse("(no Location header)");
  }
}
