package io.dossiersync.http;

import io.dossiersync.http.internal.UserAgent;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * How the HTTP transports reach the receiver: base URL, timeouts and the total request deadline,
 * pool size, user agent, the clock used to read HTTP-date {@code Retry-After} headers, and the
 * enterprise hooks (a proxy, the JVM's system properties, an {@code SSLContext}, static headers, or
 * a host-built client). Immutable and thread-safe; build one with {@link #builder(String)}.
 *
 * <p>Deliberately absent: a way to turn off TLS verification (the JDK's default trust store and
 * host name check always apply) and a way to follow redirects (a 3xx answer is a failed result
 * naming the {@code Location}, so a bearer token never travels to another host).
 *
 * <pre>{@code
 * HttpTransportConfig config = HttpTransportConfig.builder("https://receiver.example.org")
 *     .responseTimeout(Duration.ofSeconds(15))
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HttpTransportConfig {

  /** Default time to establish a TCP (and TLS) connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default time to wait for the receiver's answer (socket inactivity): 30 seconds. */
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

  /** Default pool size over all routes: 16 connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;

  /** Default pool size per route (one receiver is one route): 8 connections. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ROUTE = 8;

  /** Largest accepted pool size. */
  public static final int MAX_POOL_SIZE = 1024;

  /** Longest accepted connect or response timeout: 1 hour. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** Default total deadline of one request (connect, send, the whole answer): 60 seconds. */
  public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(60);

  /** Headers the transports set themselves, which a static header may not replace. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "authorization",
          "content-type",
          "content-encoding",
          "content-length",
          "transfer-encoding",
          "host",
          "user-agent",
          "connection",
          "accept-encoding");

  private final URI baseUri;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final int maxConnections;
  private final int maxConnectionsPerRoute;
  private final String userAgent;
  private final Clock clock;
  private final Duration requestDeadline;
  private final Optional<HttpProxy> proxy;
  private final boolean useSystemProperties;
  private final Optional<SSLContext> sslContext;
  private final Map<String, String> headers;
  private final Optional<CloseableHttpClient> httpClient;

  private HttpTransportConfig(HttpTransportConfigBuilder b, URI baseUri, int perRoute) {
    this.baseUri = baseUri;
    this.connectTimeout = b.connectTimeout;
    this.responseTimeout = b.responseTimeout;
    this.maxConnections = b.maxConnections;
    this.maxConnectionsPerRoute = perRoute;
    this.userAgent = b.userAgent;
    this.clock = b.clock;
    this.requestDeadline = b.requestDeadline;
    this.proxy = b.proxy;
    this.useSystemProperties = b.useSystemProperties;
    this.sslContext = b.sslContext;
    this.headers = Map.copyOf(b.headers);
    this.httpClient = b.httpClient;
  }

  /**
   * Starts a builder.
   *
   * @param baseUrl the receiver's base URL: {@code http} or {@code https}, with a host, an optional
   *     path prefix, no query, fragment or user info
   * @return a builder with every other setting at its default
   */
  public static HttpTransportConfigBuilder builder(String baseUrl) {
    return new HttpTransportConfigBuilder(baseUrl);
  }

  static HttpTransportConfig validate(HttpTransportConfigBuilder b) {
    URI uri = parseBaseUrl(b.baseUrl);
    requireTimeout("connectTimeout", b.connectTimeout);
    requireTimeout("responseTimeout", b.responseTimeout);
    requireTimeout("requestDeadline", b.requestDeadline);
    b.headers.forEach(HttpTransportConfig::requireHeader);
    if (b.maxConnections < 1 || b.maxConnections > MAX_POOL_SIZE) {
      throw new IllegalArgumentException(
          "maxConnections must be in [1, " + MAX_POOL_SIZE + "], got " + b.maxConnections);
    }
    int perRoute =
        b.maxConnectionsPerRoute.orElse(
            Math.min(DEFAULT_MAX_CONNECTIONS_PER_ROUTE, b.maxConnections));
    if (perRoute < 1 || perRoute > b.maxConnections) {
      throw new IllegalArgumentException(
          "maxConnectionsPerRoute must be in [1, maxConnections="
              + b.maxConnections
              + "], got "
              + perRoute);
    }
    if (!UserAgent.isValid(b.userAgent)) {
      throw new IllegalArgumentException(
          "userAgent must be non-blank printable ASCII, got '" + b.userAgent + "'");
    }
    return new HttpTransportConfig(b, uri, perRoute);
  }

  private static URI parseBaseUrl(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("baseUrl must use http or https, got '" + baseUrl + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("baseUrl must name a host, got '" + baseUrl + "'");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not carry a query, fragment or user info (pass credentials through a"
              + " TokenProvider)");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  private static void requireHeader(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(HttpTransportConfig::isTokenChar)) {
      throw new IllegalArgumentException(
          "header name must be an HTTP token (letters, digits, !#$%&'*+-.^_`|~), got '"
              + name
              + "'");
    }
    if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "header "
              + name
              + " is set by the transports and cannot be replaced; pass the token"
              + " through a TokenProvider");
    }
    if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
      throw new IllegalArgumentException(
          "header " + name + " must have a printable ASCII value without line breaks");
    }
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static void requireTimeout(String field, Duration value) {
    if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          field + " must be in (0, " + MAX_TIMEOUT + "], got " + value);
    }
  }

  /**
   * The receiver's base URL without a trailing {@code /}.
   *
   * @return the base URI
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * {@code {base}/api/dossier/push-content/}.
   *
   * @return the push-content endpoint
   */
  public URI pushContentUri() {
    return URI.create(baseUri + "/api/dossier/push-content/");
  }

  /**
   * {@code {base}/api/v1/events/batch/}.
   *
   * @return the event batch endpoint
   */
  public URI eventBatchUri() {
    return URI.create(baseUri + "/api/v1/events/batch/");
  }

  /**
   * Connect timeout; default {@link #DEFAULT_CONNECT_TIMEOUT}.
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Response (socket inactivity) timeout; default {@link #DEFAULT_RESPONSE_TIMEOUT}.
   *
   * @return the timeout
   */
  public Duration responseTimeout() {
    return responseTimeout;
  }

  /**
   * Pool size over all routes; default {@link #DEFAULT_MAX_CONNECTIONS}.
   *
   * @return the pool size
   */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * Pool size per route; default {@link #DEFAULT_MAX_CONNECTIONS_PER_ROUTE} (capped at {@link
   * #maxConnections()}).
   *
   * @return the per-route pool size
   */
  public int maxConnectionsPerRoute() {
    return maxConnectionsPerRoute;
  }

  /**
   * The {@code User-Agent} header; default {@code dossier-sync/<version>}.
   *
   * @return the user agent
   */
  public String userAgent() {
    return userAgent;
  }

  /**
   * The clock that HTTP-date {@code Retry-After} values are measured against; default UTC system
   * clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Total deadline of one request; default {@link #DEFAULT_REQUEST_DEADLINE}.
   *
   * @return the deadline
   */
  public Duration requestDeadline() {
    return requestDeadline;
  }

  /**
   * The proxy every request goes through, if one was set.
   *
   * @return the proxy
   */
  public Optional<HttpProxy> proxy() {
    return proxy;
  }

  /**
   * Whether the JVM's proxy and TLS system properties are read; default false.
   *
   * @return true when they are
   */
  public boolean useSystemProperties() {
    return useSystemProperties;
  }

  /**
   * The TLS context used instead of the JDK's default, if one was set.
   *
   * @return the context
   */
  public Optional<SSLContext> sslContext() {
    return sslContext;
  }

  /**
   * Static headers sent with every request; default none. Values are never printed by {@link
   * #toString()}.
   *
   * @return the headers by name, unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The host's own client, if one was handed in; the transports never close it.
   *
   * @return the client
   */
  public Optional<CloseableHttpClient> httpClient() {
    return httpClient;
  }

  @Override
  public String toString() {
    return "HttpTransportConfig["
        + baseUri
        + ", connect "
        + connectTimeout
        + ", response "
        + responseTimeout
        + ", deadline "
        + requestDeadline
        + ", pool "
        + maxConnections
        + "/"
        + maxConnectionsPerRoute
        + ", "
        + userAgent
        + proxy.map(p -> ", proxy " + p.host() + ":" + p.port()).orElse("")
        + (useSystemProperties ? ", system properties" : "")
        + (sslContext.isPresent() ? ", own SSLContext" : "")
        + (headers.isEmpty() ? "" : ", headers " + headers.keySet())
        + (httpClient.isPresent() ? ", host client" : "")
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpTransportConfig c
        && baseUri.equals(c.baseUri)
        && connectTimeout.equals(c.connectTimeout)
        && responseTimeout.equals(c.responseTimeout)
        && maxConnections == c.maxConnections
        && maxConnectionsPerRoute == c.maxConnectionsPerRoute
        && userAgent.equals(c.userAgent)
        && clock.equals(c.clock)
        && requestDeadline.equals(c.requestDeadline)
        && proxy.equals(c.proxy)
        && useSystemProperties == c.useSystemProperties
        && sslContext.equals(c.sslContext)
        && headers.equals(c.headers)
        && httpClient.equals(c.httpClient);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        baseUri,
        connectTimeout,
        responseTimeout,
        maxConnections,
        maxConnectionsPerRoute,
        userAgent,
        clock,
        requestDeadline,
        proxy,
        useSystemProperties,
        sslContext,
        headers,
        httpClient);
  }
}
