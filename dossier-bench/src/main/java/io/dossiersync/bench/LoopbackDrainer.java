package io.dossiersync.bench;

import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.HttpContentTransport;
import io.dossiersync.http.HttpEventTransport;
import io.dossiersync.http.HttpTransportConfig;
import io.dossiersync.http.HttpTransports;
import java.net.URI;

/**
 * A {@link DrainEngine} over a queue store and the HTTP transports to a loopback receiver, every
 * setting but the concurrency at its default; {@link #close()} stops the engine and releases the
 * connection pool (the store stays the caller's). Thread-safe as the engine is.
 */
public final class LoopbackDrainer implements AutoCloseable {

  /** The bearer token sent (the reference receiver accepts any by default). */
  public static final TokenProvider TOKEN = TokenProvider.fixed(new AccessToken("bench-token"));

  private final HttpTransports http;
  private final HttpContentTransport content;
  private final HttpEventTransport events;
  private final DrainEngine engine;

  /**
   * Builds the transports and the engine.
   *
   * @param store the queue to drain
   * @param base the receiver's base URI
   * @param concurrency bodies in flight
   */
  public LoopbackDrainer(QueueStore store, URI base, int concurrency) {
    this(store, base, concurrency, DrainListener.noop());
  }

  /**
   * Builds the transports and the engine with a listener.
   *
   * @param store the queue to drain
   * @param base the receiver's base URI
   * @param concurrency bodies in flight
   * @param listener receives every task result and drain summary
   */
  public LoopbackDrainer(QueueStore store, URI base, int concurrency, DrainListener listener) {
    this.http = HttpTransports.create(HttpTransportConfig.builder(base.toString()).build());
    this.content = http.contentTransport(TOKEN);
    this.events = http.eventTransport(TOKEN);
    this.engine =
        DrainEngine.builder()
            .queueStore(store)
            .contentTransport(content)
            .eventTransport(events)
            .tokenProvider(TOKEN)
            .concurrency(concurrency)
            .listener(listener)
            .build();
  }

  /**
   * The engine.
   *
   * @return the engine, open until {@link #close()}
   */
  public DrainEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
    content.close();
    events.close();
    http.close();
  }
}
