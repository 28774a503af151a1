package io.dossiersync.http.internal;

import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the HttpClient 5 client and its connection pool from the {@link ClientSettings}: redirects
 * not followed, automatic retries off (the queue retries), no cookies, no transparent decompression
 * (no {@code Accept-Encoding}), answer heads bounded (PRODUCT.md §4.4), TLS from the JDK's trust
 * store unless the host gave an {@code SSLContext}, and the host's proxy and static headers.
 */
final class ClientAssembly {

  /** The longest answer line (status line or one header) read, in bytes. */
  static final int MAX_LINE_LENGTH = 8 * 1024;

  /** The most header fields read in one answer. */
  static final int MAX_HEADER_COUNT = 100;

  private static final Duration VALIDATE_AFTER_INACTIVITY = Duration.ofSeconds(2);
  private static final Duration IDLE_EVICTION = Duration.ofMinutes(1);

  /** A client together with the pool it owns. */
  record Assembled(CloseableHttpClient client, PoolingHttpClientConnectionManager pool) {}

  private ClientAssembly() {}

  static Assembled build(ClientSettings config) {
    Timeout connect = Timeout.of(config.connectTimeout());
    Timeout response = Timeout.of(config.responseTimeout());
    PoolingHttpClientConnectionManagerBuilder poolBuilder =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(config.maxConnections())
            .setMaxConnPerRoute(config.maxConnectionsPerRoute())
            .setConnectionFactory(
                ManagedHttpClientConnectionFactory.builder()
                    .http1Config(
                        Http1Config.custom()
                            .setMaxLineLength(MAX_LINE_LENGTH)
                            .setMaxHeaderCount(MAX_HEADER_COUNT)
                            .build())
                    .build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(connect)
                    .setSocketTimeout(response)
                    .setValidateAfterInactivity(TimeValue.of(VALIDATE_AFTER_INACTIVITY))
                    .build());
    if (config.useSystemProperties()) {
      poolBuilder.useSystemProperties();
    }
    config
        .sslContext()
        .ifPresent(ssl -> poolBuilder.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl)));
    PoolingHttpClientConnectionManager pool = poolBuilder.build();
    HttpClientBuilder builder =
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
            .disableContentCompression()
            .evictIdleConnections(TimeValue.of(IDLE_EVICTION))
            .setUserAgent(config.userAgent())
            .setDefaultHeaders(headers(config));
    if (config.useSystemProperties()) {
      builder.useSystemProperties();
    }
    config.proxy().ifPresent(builder::setProxy);
    return new Assembled(builder.build(), pool);
  }

  private static List<Header> headers(ClientSettings config) {
    return config.headers().entrySet().stream()
        .map(e -> (Header) new BasicHeader(e.getKey(), e.getValue()))
        .toList();
  }
}
