package io.dossiersync.http;

import java.util.Objects;

/**
 * An HTTP proxy that every request goes through (plain HTTP requests are sent to it, {@code https}
 * ones tunnel through it with {@code CONNECT}). Set it with {@link
 * HttpTransportConfigBuilder#proxy(HttpProxy)}; to follow the JVM's {@code http.proxyHost} / {@code
 * https.proxyHost} properties instead, use {@link
 * HttpTransportConfigBuilder#useSystemProperties()}.
 *
 * @param host the proxy's host name or address, non-blank
 * @param port the proxy's port, in [1, 65535]
 * @since 0.1.0
 */
public record HttpProxy(String host, int port) {

  /**
   * Checks the values.
   *
   * @param host the proxy's host name or address, non-blank
   * @param port the proxy's port, in [1, 65535]
   * @throws IllegalArgumentException when the host is blank or the port out of range
   */
  public HttpProxy {
    Objects.requireNonNull(host, "host");
    host = host.strip();
    if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
      throw new IllegalArgumentException(
          "proxy host must be a host name or address without spaces, '/' or '@', got '"
              + host
              + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port must be in [1, 65535], got " + port);
    }
  }
}
