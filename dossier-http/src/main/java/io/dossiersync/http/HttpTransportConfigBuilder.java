package io.dossiersync.http;

import io.dossiersync.http.internal.UserAgent;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Builds an {@link HttpTransportConfig}; every value is checked in {@link #build()}, which names
 * the field and the allowed range when one is out of bounds. Not thread-safe; use one builder from
 * one thread.
 *
 * @since 0.1.0
 */
public final class HttpTransportConfigBuilder {

  final String baseUrl;
  Duration connectTimeout = HttpTransportConfig.DEFAULT_CONNECT_TIMEOUT;
  Duration responseTimeout = HttpTransportConfig.DEFAULT_RESPONSE_TIMEOUT;
  int maxConnections = HttpTransportConfig.DEFAULT_MAX_CONNECTIONS;
  Optional<Integer> maxConnectionsPerRoute = Optional.empty();
  String userAgent = UserAgent.defaultValue();
  Clock clock = Clock.systemUTC();
  Duration requestDeadline = HttpTransportConfig.DEFAULT_REQUEST_DEADLINE;
  Optional<HttpProxy> proxy = Optional.empty();
  boolean useSystemProperties;
  Optional<SSLContext> sslContext = Optional.empty();
  final Map<String, String> headers = new LinkedHashMap<>();
  Optional<CloseableHttpClient> httpClient = Optional.empty();

  HttpTransportConfigBuilder(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
  }

  /**
   * Sets the connect timeout, in (0, 1 h]; default 10 s.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public HttpTransportConfigBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
    return this;
  }

  /**
   * Sets the response timeout (longest silence while waiting for the answer), in (0, 1 h]; default
   * 30 s.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public HttpTransportConfigBuilder responseTimeout(Duration timeout) {
    this.responseTimeout = Objects.requireNonNull(timeout, "responseTimeout");
    return this;
  }

  /**
   * Sets the pool size over all routes, in [1, 1024]; default 16.
   *
   * @param max the pool size
   * @return this builder
   */
  public HttpTransportConfigBuilder maxConnections(int max) {
    this.maxConnections = max;
    return this;
  }

  /**
   * Sets the pool size per route, in [1, maxConnections]; default {@code min(8, maxConnections)}.
   *
   * @param max the per-route pool size
   * @return this builder
   */
  public HttpTransportConfigBuilder maxConnectionsPerRoute(int max) {
    this.maxConnectionsPerRoute = Optional.of(max);
    return this;
  }

  /**
   * Sets the {@code User-Agent} header, non-blank printable ASCII; default {@code
   * dossier-sync/<version>} (the version from the jar manifest or the build, else {@code dev}).
   *
   * @param value the user agent
   * @return this builder
   */
  public HttpTransportConfigBuilder userAgent(String value) {
    this.userAgent = Objects.requireNonNull(value, "userAgent");
    return this;
  }

  /**
   * Sets the clock that HTTP-date {@code Retry-After} values are measured against; default the UTC
   * system clock. Tests pin it.
   *
   * @param value the clock
   * @return this builder
   */
  public HttpTransportConfigBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Sets the total deadline of one request (waiting for a pooled connection, connecting, sending
   * and reading the whole answer), in (0, 1 h]; default 60 s. At the deadline the request is
   * aborted and its result is {@code RETRY} with reason {@code timeout: deadline}.
   *
   * @param deadline the deadline
   * @return this builder
   */
  public HttpTransportConfigBuilder requestDeadline(Duration deadline) {
    this.requestDeadline = Objects.requireNonNull(deadline, "requestDeadline");
    return this;
  }

  /**
   * Sends every request through this HTTP proxy; default none (unless {@link
   * #useSystemProperties()}).
   *
   * @param value the proxy
   * @return this builder
   */
  public HttpTransportConfigBuilder proxy(HttpProxy value) {
    this.proxy = Optional.of(Objects.requireNonNull(value, "proxy"));
    return this;
  }

  /**
   * Reads the JVM's networking system properties: {@code http.proxyHost}/{@code https.proxyHost}
   * (and ports, {@code http.nonProxyHosts}) and the {@code javax.net.ssl.*} trust and key stores;
   * default off. An explicit {@link #proxy} or {@link #sslContext} wins.
   *
   * @return this builder
   */
  public HttpTransportConfigBuilder useSystemProperties() {
    this.useSystemProperties = true;
    return this;
  }

  /**
   * Uses this TLS context (corporate CAs, a client certificate for mTLS) instead of the JDK's
   * default; host names are still verified. Default: the JDK's default trust store.
   *
   * @param value the TLS context
   * @return this builder
   */
  public HttpTransportConfigBuilder sslContext(SSLContext value) {
    this.sslContext = Optional.of(Objects.requireNonNull(value, "sslContext"));
    return this;
  }

  /**
   * Adds a static header sent with every request (e.g. a gateway's API key). It never replaces one
   * the transports set: {@code Authorization}, {@code Content-Type}, {@code Content-Encoding},
   * {@code Content-Length}, {@code Transfer-Encoding}, {@code Host} and {@code User-Agent} are
   * refused in {@link #build()}. A second call with the same name replaces the value.
   *
   * @param name the header name, an HTTP token
   * @param value the value, printable ASCII
   * @return this builder
   */
  public HttpTransportConfigBuilder header(String name, String value) {
    headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, name));
    return this;
  }

  /**
   * Sends through the host's own HttpClient instead of building one: the transports never close it
   * ("closes what it created, not what it was handed"). The pool size, timeouts, proxy, TLS, header
   * and answer-head limits of this configuration then do not apply (they are the host client's);
   * the total {@link #requestDeadline} and the 64 KiB answer cap still do.
   *
   * @param client the host's client; the host closes it
   * @return this builder
   */
  public HttpTransportConfigBuilder httpClient(CloseableHttpClient client) {
    this.httpClient = Optional.of(Objects.requireNonNull(client, "httpClient"));
    return this;
  }

  /**
   * Validates the settings.
   *
   * @return the configuration
   * @throws IllegalArgumentException naming the field and its allowed range when a value is out of
   *     bounds
   */
  public HttpTransportConfig build() {
    return HttpTransportConfig.validate(this);
  }
}
