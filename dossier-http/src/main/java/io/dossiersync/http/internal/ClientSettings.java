package io.dossiersync.http.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;

/**
 * What {@link PooledHttpClient} and {@link ClientAssembly} need of the host's settings, copied out
 * of {@code HttpTransportConfig} by {@code HttpTransports}: this package never reads the public
 * configuration type, so the dependency runs one way (API → internal). Not API.
 *
 * @param connectTimeout the connect and pool-wait timeout
 * @param responseTimeout the socket read timeout
 * @param maxConnections the pool's total connections
 * @param maxConnectionsPerRoute the pool's connections per route
 * @param userAgent the {@code User-Agent} header
 * @param requestDeadline the total deadline of one request
 * @param proxy the proxy, if any
 * @param useSystemProperties whether the JDK's networking properties apply
 * @param sslContext the host's TLS context, if any
 * @param headers static headers sent with every request
 * @param hostClient the host's own client (then no pool is built), if any
 */
public record ClientSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    int maxConnections,
    int maxConnectionsPerRoute,
    String userAgent,
    Duration requestDeadline,
    Optional<HttpHost> proxy,
    boolean useSystemProperties,
    Optional<SSLContext> sslContext,
    Map<String, String> headers,
    Optional<CloseableHttpClient> hostClient) {

  /** Checks that nothing is missing; the values were validated by the public builder. */
  public ClientSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(requestDeadline, "requestDeadline");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(sslContext, "sslContext");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(hostClient, "hostClient");
  }
}
