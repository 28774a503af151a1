package io.dossiersync.http;

import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.internal.ClientSettings;
import io.dossiersync.http.internal.PooledHttpClient;
import io.dossiersync.http.internal.ReceiverEndpoint;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.hc.core5.http.HttpHost;

/**
 * Creates {@link HttpContentTransport}s and {@link HttpEventTransport}s that share one pooled
 * HttpClient (one set of connections to the receiver).
 *
 * <pre>{@code
 * try (HttpTransports http = HttpTransports.create(config)) {
 *   ContentTransport bodies = http.contentTransport(tokens);
 *   EventTransport events = http.eventTransport(tokens);
 *   ... drain ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. The pool is released when this factory and every transport it created have been
 * closed: closing one transport aborts only its own requests in flight and never breaks another
 * that is still in use; closing the factory aborts every request in flight, and a transport that
 * outlives its factory keeps working for new requests until it is closed itself. A host-built
 * client handed in through {@link HttpTransportConfigBuilder#httpClient} is never closed here.
 *
 * @since 0.1.0
 */
public final class HttpTransports implements AutoCloseable {

  private final HttpTransportConfig config;
  private final PooledHttpClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpTransports(HttpTransportConfig config) {
    this.config = config;
    this.client = new PooledHttpClient(settings(config));
  }

  /** What the pooled client reads, copied: the internal package never sees the public config. */
  private static ClientSettings settings(HttpTransportConfig config) {
    return new ClientSettings(
        config.connectTimeout(),
        config.responseTimeout(),
        config.maxConnections(),
        config.maxConnectionsPerRoute(),
        config.userAgent(),
        config.requestDeadline(),
        config.proxy().map(p -> new HttpHost(p.host(), p.port())),
        config.useSystemProperties(),
        config.sslContext(),
        config.headers(),
        config.httpClient());
  }

  /**
   * Builds the shared pool.
   *
   * @param config the settings
   * @return the factory; close it when done
   */
  public static HttpTransports create(HttpTransportConfig config) {
    return new HttpTransports(Objects.requireNonNull(config, "config"));
  }

  /**
   * One transport on a pool of its own: the factory's share is given back at once, so the pool
   * lives as long as the transport.
   */
  static <T> T standalone(HttpTransportConfig config, Function<HttpTransports, T> make) {
    try (HttpTransports factory = create(config)) {
      return make.apply(factory);
    }
  }

  /**
   * A push-content transport on the shared pool.
   *
   * @param tokens where the bearer token comes from
   * @return the transport; close it when done
   * @throws IllegalStateException when this factory is closed
   */
  public HttpContentTransport contentTransport(TokenProvider tokens) {
    return new HttpContentTransport(endpoint(tokens, config.pushContentUri()));
  }

  /**
   * An event batch transport on the shared pool.
   *
   * @param tokens where the bearer token comes from
   * @return the transport; close it when done
   * @throws IllegalStateException when this factory is closed
   */
  public HttpEventTransport eventTransport(TokenProvider tokens) {
    return new HttpEventTransport(endpoint(tokens, config.eventBatchUri()));
  }

  private ReceiverEndpoint endpoint(TokenProvider tokens, URI uri) {
    Objects.requireNonNull(tokens, "tokens");
    if (closed.get()) {
      throw new IllegalStateException("HttpTransports is closed");
    }
    return new ReceiverEndpoint(client.retain(), tokens, uri, config.clock());
  }

  /**
   * The settings the transports use.
   *
   * @return the configuration
   */
  public HttpTransportConfig config() {
    return config;
  }

  /**
   * How many pooled connections are leased right now: zero whenever no request is in flight
   * (diagnostics and tests).
   *
   * @return the leased connection count
   */
  public int leasedConnections() {
    return client.leasedConnections();
  }

  /**
   * Aborts every request in flight through the transports of this factory (each sender gets a
   * {@code RETRY} result at once, reason {@code connection_error: aborted, ...}) and releases this
   * factory's share of the pool; idempotent. The drain calls this at its time limit and at its
   * shutdown timeout. A transport that is still open may send new requests afterwards.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.abortInFlight();
      client.release();
    }
  }
}
