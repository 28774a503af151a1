package io.dossiersync.http.internal;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Turns a failure that produced no HTTP answer into a retryable reason: {@code timeout: ...} for
 * connect, response and pool-wait timeouts and {@code timeout: deadline} for the total deadline,
 * {@code connection_error: ...} for everything else (refused, reset, closed, DNS, TLS, a closed
 * pool). Pure and total. Exception messages carry host names and ports, never headers, so no token
 * can reach a reason.
 */
final class NetworkFailures {

  private NetworkFailures() {}

  /**
   * The reason for a failure.
   *
   * @param failure what the client threw
   * @return {@code timeout: <what>} or {@code connection_error: <what>}
   */
  public static String reason(Throwable failure) {
    if (failure instanceof ExchangeAbortedException) {
      return failure.getMessage();
    }
    if (failure instanceof ConnectTimeoutException) {
      return "timeout: connect timed out" + message(failure);
    }
    if (failure instanceof SocketTimeoutException) {
      return "timeout: no answer within the response timeout";
    }
    if (failure instanceof InterruptedIOException) {
      return "timeout: " + failure.getClass().getSimpleName() + message(failure);
    }
    if (failure instanceof MessageConstraintException) {
      return "malformed_response: answer head over the limits" + message(failure);
    }
    if (failure instanceof UnknownHostException) {
      return "connection_error: unknown host" + message(failure);
    }
    if (failure instanceof HttpHostConnectException
        || failure instanceof ConnectException
        || failure instanceof NoRouteToHostException) {
      return "connection_error: connection refused" + message(failure);
    }
    if (failure instanceof NoHttpResponseException
        || failure instanceof ConnectionClosedException) {
      return "connection_error: connection closed without an answer";
    }
    if (failure instanceof SSLException) {
      return "connection_error: TLS" + message(failure);
    }
    return "connection_error: " + failure.getClass().getSimpleName() + message(failure);
  }

  private static String message(Throwable failure) {
    return Optional.ofNullable(failure.getMessage())
        .filter(m -> !m.isBlank())
        .map(m -> ": " + ErrorBodyParser.oneLine(m))
        .orElse("");
  }
}
