package io.dossiersync.http;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.internal.NetworkFailures;
import io.dossiersync.http.internal.PooledHttpClient;
import io.dossiersync.http.internal.PushAnswerClassifier;
import io.dossiersync.http.internal.PushContentJson;
import io.dossiersync.http.internal.ReceivedAnswer;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContentTransport} over HTTP: {@code POST {base}/api/dossier/push-content/} with the nine
 * JSON fields, {@code Content-Type: application/json} and {@code Authorization: Bearer <token>}
 * (omitted when the {@link TokenProvider} has none), classified by PRODUCT.md §4.1.
 *
 * <pre>{@code
 * try (HttpContentTransport http = HttpContentTransport.create(config, tokens)) {
 *   PushResult result = http.push(request);
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may push at once, up to the pool size in parallel.
 * {@link #push} never throws: a failure without an answer (timeout, reset, DNS, closed pool,
 * a throwing token provider) is a {@code RETRY} result. Each push writes one DEBUG line with the
 * method, path, status, reason, {@code artifact_path} and time taken; the token and the body are
 * never logged. Nothing is durable here: the caller's queue keeps the task until the result says
 * to delete it.
 */
public final class HttpContentTransport implements ContentTransport {

  private static final Logger LOG = LoggerFactory.getLogger(HttpContentTransport.class);

  private final HttpTransportConfig config;
  private final PooledHttpClient client;
  private final TokenProvider tokens;
  private final URI endpoint;
  private final AtomicBoolean closed = new AtomicBoolean();

  HttpContentTransport(HttpTransportConfig config, PooledHttpClient client, TokenProvider tokens) {
    this.config = config;
    this.client = client;
    this.tokens = tokens;
    this.endpoint = config.pushContentUri();
  }

  /**
   * A transport with a pool of its own, released by {@link #close()}.
   *
   * @param config the settings
   * @param tokens where the bearer token comes from
   * @return the transport
   */
  public static HttpContentTransport create(HttpTransportConfig config, TokenProvider tokens) {
    try (HttpTransports factory = HttpTransports.create(config)) {
      return factory.contentTransport(tokens);
    }
  }

  @Override
  public PushResult push(PushContentRequest request) {
    long start = System.nanoTime();
    PushResult result;
    try {
      Optional<AccessToken> token = tokens.currentToken();
      byte[] body = PushContentJson.encode(request);
      ReceivedAnswer answer =
          client.post(endpoint, body, PooledHttpClient.APPLICATION_JSON, Optional.empty(), token);
      result = PushAnswerClassifier.classify(answer, config.clock().instant());
    } catch (Exception e) {
      result = PushResult.networkError(NetworkFailures.reason(e));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "POST {} -> {} {} {} artifact_path={} in {} ms",
          endpoint.getRawPath(),
          result.httpStatus(),
          result.outcome(),
          result.reason(),
          request.artifactPath(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    return result;
  }

  /** Releases this transport's share of the connection pool; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.release();
    }
  }

  @Override
  public String toString() {
    return "HttpContentTransport[" + endpoint + "]";
  }
}
