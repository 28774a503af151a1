package io.dossiersync.http;

import io.dossiersync.http.internal.ReceivedAnswer;
import io.dossiersync.http.internal.ReceiverEndpoint;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two HTTP transports share: one receiver endpoint, a post that never throws, and one
 * DEBUG line per request in the transport's own logger ({@code POST <path> -> <status> <outcome>
 * <reason> <detail> in <n> ms}); the token and the body are never logged. Thread-safe.
 */
abstract sealed class EndpointTransport implements AutoCloseable
    permits HttpContentTransport, HttpEventTransport {

  private final ReceiverEndpoint endpoint;
  private final Logger log;

  EndpointTransport(ReceiverEndpoint endpoint) {
    this.endpoint = endpoint;
    this.log = LoggerFactory.getLogger(getClass());
  }

  /**
   * Posts one body, classifies the answer (or its absence) and logs the request at DEBUG.
   *
   * @param <T> the transport's result type
   * @param body makes the body bytes
   * @param contentEncoding the body's content encoding, if any
   * @param classify turns an answer and the current instant into a result
   * @param noAnswer turns the reason for a missing answer into a result
   * @param verdict the result's {@code <status> <outcome> <reason>}, built only when logging
   * @param detail what the request carried, e.g. {@code events=3}, built only when logging
   * @return the result; never throws for a missing or odd answer
   */
  final <T> T post(
      Supplier<byte[]> body,
      Optional<String> contentEncoding,
      BiFunction<ReceivedAnswer, Instant, T> classify,
      Function<String, T> noAnswer,
      Function<T, String> verdict,
      Supplier<String> detail) {
    long start = System.nanoTime();
    T result = endpoint.exchange(body, contentEncoding, classify, noAnswer);
    if (log.isDebugEnabled()) {
      log.debug(
          "POST {} -> {} {} in {} ms",
          endpoint.path(),
          verdict.apply(result),
          detail.get(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    return result;
  }

  /** Releases this transport's share of the connection pool; idempotent. */
  @Override
  public void close() {
    endpoint.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + endpoint.uri() + "]";
  }
}
