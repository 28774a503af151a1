package io.dossiersync.http;

import io.dossiersync.http.internal.UserAgent;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds an {@link HttpTransportConfig}; every value is checked in {@link #build()}, which names
 * the field and the allowed range when one is out of bounds. Not thread-safe; use one builder
 * from one thread.
 */
public final class HttpTransportConfigBuilder {

  final String baseUrl;
  Duration connectTimeout = HttpTransportConfig.DEFAULT_CONNECT_TIMEOUT;
  Duration responseTimeout = HttpTransportConfig.DEFAULT_RESPONSE_TIMEOUT;
  int maxConnections = HttpTransportConfig.DEFAULT_MAX_CONNECTIONS;
  Optional<Integer> maxConnectionsPerRoute = Optional.empty();
  String userAgent = UserAgent.defaultValue();
  Clock clock = Clock.systemUTC();

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
   * Sets the response timeout (longest silence while waiting for the answer), in (0, 1 h];
   * default 30 s.
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
   * Sets the pool size per route, in [1, maxConnections]; default {@code min(8,
   * maxConnections)}.
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
   * Sets the clock that HTTP-date {@code Retry-After} values are measured against; default the
   * UTC system clock. Tests pin it.
   *
   * @param value the clock
   * @return this builder
   */
  public HttpTransportConfigBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Validates the settings.
   *
   * @return the configuration
   * @throws IllegalArgumentException naming the field and its allowed range when a value is out
   *     of bounds
   */
  public HttpTransportConfig build() {
    return HttpTransportConfig.validate(this);
  }
}
