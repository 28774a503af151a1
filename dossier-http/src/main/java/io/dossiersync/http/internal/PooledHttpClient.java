package io.dossiersync.http.internal;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.http.HttpTransportConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * One pooled Apache HttpClient 5 (classic API) shared by the transports of one {@link
 * io.dossiersync.http.HttpTransports}. Redirects are not followed, automatic retries are off
 * (the queue retries), TLS uses the JDK's default trust store and host name verification.
 *
 * <p>Thread-safe. Reference-counted: each holder calls {@link #release()} once, and the pool is
 * closed when the last holder has released it. A post after that fails with an {@link
 * IllegalStateException}, which the transports report as a retryable connection error.
 */
public final class PooledHttpClient {

  /** {@code application/json}, without a charset parameter (JSON is always UTF-8, RFC 8259). */
  public static final ContentType APPLICATION_JSON = ContentType.create("application/json");

  /** The most answer bytes read; the rest is discarded. Answers are small JSON objects. */
  public static final int MAX_ANSWER_BYTES = 64 * 1024;

  private static final Duration VALIDATE_AFTER_INACTIVITY = Duration.ofSeconds(2);
  private static final Duration IDLE_EVICTION = Duration.ofMinutes(1);

  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient client;
  private final AtomicInteger holders = new AtomicInteger(1);

  /**
   * Builds the pool and the client; the caller is the first holder.
   *
   * @param config the settings
   */
  public PooledHttpClient(HttpTransportConfig config) {
    Timeout connect = Timeout.of(config.connectTimeout());
    Timeout response = Timeout.of(config.responseTimeout());
    this.pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(config.maxConnections())
            .setMaxConnPerRoute(config.maxConnectionsPerRoute())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(connect)
                    .setSocketTimeout(response)
                    .setValidateAfterInactivity(TimeValue.of(VALIDATE_AFTER_INACTIVITY))
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(connect)
                    .setResponseTimeout(response)
                    .setRedirectsEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .evictIdleConnections(TimeValue.of(IDLE_EVICTION))
            .setUserAgent(config.userAgent())
            .build();
  }

  /**
   * Adds a holder.
   *
   * @return this client
   * @throws IllegalStateException when the pool is already closed
   */
  public PooledHttpClient retain() {
    if (holders.getAndUpdate(n -> n > 0 ? n + 1 : n) <= 0) {
      throw new IllegalStateException("the HTTP connection pool is closed");
    }
    return this;
  }

  /** Removes a holder; the last one closes the pool. Call once per holder. */
  public void release() {
    if (holders.decrementAndGet() == 0) {
      client.close(CloseMode.GRACEFUL);
      pool.close(CloseMode.GRACEFUL);
    }
  }

  /**
   * Tells how many connections are leased right now (for tests and diagnostics).
   *
   * @return the leased connection count
   */
  public int leasedConnections() {
    return pool.getTotalStats().getLeased();
  }

  /**
   * Posts a body and reads the answer; the connection goes back to the pool before this returns.
   *
   * @param uri the endpoint
   * @param body the request body
   * @param contentType its content type
   * @param contentEncoding its content encoding ({@code gzip}), if any
   * @param token the bearer token, if any; never logged
   * @return the answer
   * @throws IOException when no answer arrived (timeout, reset, DNS, refused, TLS)
   */
  public ReceivedAnswer post(
      URI uri,
      byte[] body,
      ContentType contentType,
      Optional<String> contentEncoding,
      Optional<AccessToken> token)
      throws IOException {
    HttpPost post = new HttpPost(uri);
    post.setEntity(new ByteArrayEntity(body, contentType, contentEncoding.orElse(null), false));
    token.ifPresent(t -> post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + t.value()));
    return client.execute(post, PooledHttpClient::read);
  }

  private static ReceivedAnswer read(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity, MAX_ANSWER_BYTES);
    return new ReceivedAnswer(
        response.getCode(),
        header(response.getFirstHeader(HttpHeaders.RETRY_AFTER)),
        header(response.getFirstHeader(HttpHeaders.LOCATION)),
        body);
  }

  private static Optional<String> header(@Nullable Header header) {
    return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
  }
}
