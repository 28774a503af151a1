package io.dossiersync.cli;

import io.dossiersync.http.HttpTransportConfig;

/**
 * How many pooled connections to the receiver a command keeps for {@code --concurrency N}: one for
 * every send in flight (a round sends up to N event batches, then up to N bodies, never both at
 * once), and never fewer than the transport's default. With fewer connections than sends, the
 * surplus sends wait for a connection and {@code --concurrency} above the pool size buys nothing
 * against a distant receiver.
 */
final class ConnectionPoolSize {

  private ConnectionPoolSize() {}

  /**
   * The per-route pool size for {@code concurrency} sends in flight.
   *
   * @param concurrency the sends in flight, at least 1
   * @return the connections per route: {@code max(default per route, concurrency)}
   */
  static int forConcurrency(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    return Math.max(HttpTransportConfig.DEFAULT_MAX_CONNECTIONS_PER_ROUTE, concurrency);
  }
}
