package io.dossiersync.http.internal;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One receiver endpoint as a transport sees it: posts a JSON body with the current bearer token and
 * turns the answer, or the lack of one, into the transport's result type. Holds one share of the
 * pooled client and gives it back on {@link #close()}.
 *
 * <p>Thread-safe. {@link #exchange} never throws an exception: encoding failures, a throwing token
 * provider, timeouts, the deadline, an abort and I/O errors all go to the {@code noAnswer} function
 * with a reason from {@link NetworkFailures}. An {@link Error} is not caught.
 */
public final class ReceiverEndpoint implements AutoCloseable {

  private final PooledHttpClient client;
  private final TokenProvider tokens;
  private final URI uri;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final InFlight inFlight = new InFlight(PooledHttpClient.CLOSED_REASON);

  /**
   * Takes over one share of a pooled client.
   *
   * @param client the client, already retained for this endpoint
   * @param tokens where the bearer token comes from
   * @param uri the endpoint
   * @param clock the clock for HTTP-date {@code Retry-After} values
   */
  public ReceiverEndpoint(PooledHttpClient client, TokenProvider tokens, URI uri, Clock clock) {
    this.client = client;
    this.tokens = tokens;
    this.uri = uri;
    this.clock = clock;
  }

  /**
   * Posts one body and classifies the outcome.
   *
   * @param <T> the result type
   * @param body makes the body bytes (called once, inside the failure handling)
   * @param contentEncoding the body's content encoding, if any
   * @param classify turns an answer and the current instant into a result
   * @param noAnswer turns a reason for a missing answer into a result
   * @return the result
   */
  public <T> T exchange(
      Supplier<byte[]> body,
      Optional<String> contentEncoding,
      BiFunction<ReceivedAnswer, Instant, T> classify,
      Function<String, T> noAnswer) {
    try {
      Optional<AccessToken> token = tokens.currentToken();
      ReceivedAnswer answer =
          client.post(
              uri, body.get(), PooledHttpClient.APPLICATION_JSON, contentEncoding, token, inFlight);
      return classify.apply(answer, clock.instant());
    } catch (Exception e) {
      return noAnswer.apply(NetworkFailures.reason(e));
    }
  }

  /**
   * The endpoint's path, for log lines.
   *
   * @return the raw path
   */
  public String path() {
    return uri.getRawPath();
  }

  /**
   * The endpoint.
   *
   * @return the URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * Aborts this endpoint's requests in flight (their senders get a retryable result, as does any
   * later request) and gives back its share of the pool; idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      inFlight.abortAll();
      client.release();
    }
  }
}
