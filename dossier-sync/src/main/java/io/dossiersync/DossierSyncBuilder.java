package io.dossiersync;

import io.dossiersync.core.drain.BackgroundSync;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.SyncConsent;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.SyncListener;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.EventTransport;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.HttpTransportConfig;
import io.dossiersync.http.HttpTransports;
import io.dossiersync.sqlite.DefaultQueueLocation;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link DossierSync}. Only the server URL and the token provider are required; every
 * other setting has a default named on its setter. {@link #build()} checks the settings, then opens
 * the queue and the HTTP pool and starts background delivery. Not thread-safe; use it from one
 * thread.
 *
 * <p><b>Ownership:</b> what the builder creates (the SQLite store, the HTTP pool, the drain engine,
 * the background service) belongs to the {@link DossierSync} and is closed by its {@link
 * DossierSync#close()}; what the host hands in ({@link #queueStore}, {@link #transports}, the token
 * provider, the listeners) stays the host's and is never closed by it.
 *
 * @since 0.1.0
 */
public final class DossierSyncBuilder {

  private final String serverUrl;
  private @Nullable TokenProvider tokens;
  private @Nullable Path queueFile;
  private @Nullable QueueStore store;
  private @Nullable ContentTransport content;
  private @Nullable EventTransport events;
  private DrainListener drainListener = DrainListener.noop();
  private SyncListener syncListener = SyncListener.noop();
  private SyncConsent consent = SyncConsent.allowAll();
  private Clock clock = Clock.systemUTC();
  private boolean backgroundDelivery = true;

  DossierSyncBuilder(String serverUrl) {
    this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
  }

  /**
   * Where the receiver's token comes from, e.g. {@code TokenProvider.fromFile(path)}. Required.
   *
   * @param value the provider; the host keeps owning it
   * @return this builder
   */
  public DossierSyncBuilder tokenProvider(TokenProvider value) {
    this.tokens = Objects.requireNonNull(value, "tokenProvider");
    return this;
  }

  /**
   * The SQLite queue file to open (created when missing). Default: {@code
   * DefaultQueueLocation.forServer(serverUrl)}, one file per server under {@code ~/.dossier-sync}
   * (or {@code $DOSSIER_HOME}). Cannot be combined with {@link #queueStore}.
   *
   * @param value the file; the store opened on it is closed by {@link DossierSync#close()}
   * @return this builder
   */
  public DossierSyncBuilder queueFile(Path value) {
    this.queueFile = Objects.requireNonNull(value, "queueFile");
    return this;
  }

  /**
   * A queue the host opened itself (another file, another store). Default: none, a SQLite store at
   * {@link #queueFile} is opened. Cannot be combined with {@link #queueFile}.
   *
   * @param value the store; the host keeps owning it and closes it after the {@link DossierSync}
   * @return this builder
   */
  public DossierSyncBuilder queueStore(QueueStore value) {
    this.store = Objects.requireNonNull(value, "queueStore");
    return this;
  }

  /**
   * Transports the host built itself (its own HTTP client, a test fake). Default: both on one
   * pooled HttpClient to {@code serverUrl} ({@code HttpTransports}), closed by {@link
   * DossierSync#close()}.
   *
   * @param contentValue the push-content transport; the host keeps owning it
   * @param eventValue the event-batch transport; the host keeps owning it
   * @return this builder
   */
  public DossierSyncBuilder transports(ContentTransport contentValue, EventTransport eventValue) {
    this.content = Objects.requireNonNull(contentValue, "contentTransport");
    this.events = Objects.requireNonNull(eventValue, "eventTransport");
    return this;
  }

  /**
   * Receives every drain task result and round summary (metrics, logs). Default: none. Called from
   * the drain's threads; see {@link DrainListener}.
   *
   * @param value the listener; the host keeps owning it
   * @return this builder
   */
  public DossierSyncBuilder listener(DrainListener value) {
    this.drainListener = Objects.requireNonNull(value, "listener");
    return this;
  }

  /**
   * Receives each feature sync's enqueue counts. Default: none. Called on the syncing thread.
   *
   * @param value the listener; the host keeps owning it
   * @return this builder
   */
  public DossierSyncBuilder syncListener(SyncListener value) {
    this.syncListener = Objects.requireNonNull(value, "syncListener");
    return this;
  }

  /**
   * Which projects' tasks may leave the machine (PRODUCT.md §5, DS-05). Default: {@link
   * SyncConsent#allowAll()}, for hosts that sync only projects they configured.
   *
   * @param value the consent
   * @return this builder
   */
  public DossierSyncBuilder consent(SyncConsent value) {
    this.consent = Objects.requireNonNull(value, "consent");
    return this;
  }

  /**
   * The clock of enqueue times, backoff and statistics. Default: {@link Clock#systemUTC()}.
   *
   * @param value the clock
   * @return this builder
   */
  public DossierSyncBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Whether a background service delivers what is queued. Default: true (one named daemon thread,
   * started by {@link #build()}). When false, only {@link DossierSync#flush} delivers.
   *
   * @param value true to deliver in the background
   * @return this builder
   */
  public DossierSyncBuilder backgroundDelivery(boolean value) {
    this.backgroundDelivery = value;
    return this;
  }

  /**
   * Checks the settings, opens what the facade owns and starts background delivery. When a step
   * fails, what was already opened is closed again before the exception leaves.
   *
   * @return the facade, delivering
   * @throws IllegalArgumentException when the server URL is invalid, the token provider is missing,
   *     or two settings conflict
   * @throws io.dossiersync.core.queue.QueueStoreException when the queue file cannot be opened
   */
  public DossierSync build() {
    TokenProvider tokenProvider = requireTokens();
    if (store != null && queueFile != null) {
      throw new IllegalArgumentException(
          "give either queueFile(...) or queueStore(...), not both: a handed-in store has its file");
    }
    HttpTransportConfig httpConfig =
        content == null ? HttpTransportConfig.builder(serverUrl).build() : null;
    OwnedResources owned = new OwnedResources();
    try {
      QueueStore queue = store != null ? store : owned.add(openStore());
      ContentTransport contentTransport = content;
      EventTransport eventTransport = events;
      if (httpConfig != null) {
        HttpTransports http = owned.add(HttpTransports.create(httpConfig));
        contentTransport = owned.add(http.contentTransport(tokenProvider));
        eventTransport = owned.add(http.eventTransport(tokenProvider));
      }
      DrainEngine engine =
          owned.add(
              DrainEngine.builder()
                  .queueStore(queue)
                  .contentTransport(Objects.requireNonNull(contentTransport))
                  .eventTransport(Objects.requireNonNull(eventTransport))
                  .tokenProvider(tokenProvider)
                  .consent(consent)
                  .clock(clock)
                  .listener(drainListener)
                  .build());
      Optional<BackgroundSync> background = Optional.empty();
      if (backgroundDelivery) {
        BackgroundSync service = owned.add(BackgroundSync.builder(engine).build());
        service.start();
        background = Optional.of(service);
      }
      DossierPipeline pipeline =
          DossierPipeline.builder().queueStore(queue).clock(clock).listener(syncListener).build();
      return new DossierSync(queue, pipeline, engine, background, clock, owned);
    } catch (RuntimeException e) {
      try {
        owned.closeAll();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private TokenProvider requireTokens() {
    if (tokens == null) {
      throw new IllegalArgumentException(
          "tokenProvider(...) is required, e.g. TokenProvider.fromFile(path) or"
              + " TokenProvider.fixed(token)");
    }
    return tokens;
  }

  private SqliteQueueStore openStore() {
    Path file = queueFile != null ? queueFile : DefaultQueueLocation.forServer(serverUrl);
    return SqliteQueueStore.builder().path(file).open();
  }
}
