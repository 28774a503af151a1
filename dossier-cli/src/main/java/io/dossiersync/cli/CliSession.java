package io.dossiersync.cli;

import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainEngineBuilder;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.HealthRecordingListener;
import io.dossiersync.core.drain.SyncConsent;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.http.HttpTransportConfig;
import io.dossiersync.http.HttpTransports;
import io.dossiersync.postgres.PostgresQueueStore;
import io.dossiersync.sqlite.DefaultQueueLocation;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What one command run opens: the queue store and, when a server is configured, the HTTP
 * transports. Closing it closes both.
 */
final class CliSession implements AutoCloseable {

  /**
   * The CLI's claim lease: a command's tasks are its own while it runs; when it is killed, its
   * claimed tasks become claimable by the next {@code dossier drain} after at most this long (the
   * library default of 10 minutes suits long-lived services better than commands).
   */
  static final Duration LEASE = Duration.ofMinutes(2);

  private final CommonOptions options;
  private final CliIo io;
  private final QueueStore store;
  private final Optional<String> server;
  private final TokenSource tokens;
  private HttpTransports transports;

  private CliSession(
      CommonOptions options,
      CliIo io,
      QueueStore store,
      Optional<String> server,
      TokenSource tokens) {
    this.options = options;
    this.io = io;
    this.store = store;
    this.server = server;
    this.tokens = tokens;
  }

  /**
   * Opens the queue file named by {@code --db}/{@code DOSSIER_DB}, else the default file of the
   * server, and reads the token (a bad token file is an input error before anything is queued).
   * Input errors exit 2; an unusable queue file exits 1.
   */
  static CliSession open(CommonOptions options, CliIo io) {
    Optional<String> server = options.server(io);
    server.ifPresent(url -> checkServerUrl(url, options.insecureHttp));
    Optional<String> given = options.db(io);
    if (given.isPresent() && PostgresLocation.matches(given.get())) {
      PostgresQueueStore.Builder builder =
          PostgresLocation.builder(given.get(), options.dbPasswordFile(), io);
      options.maxQueueSize(io).ifPresent(builder::maxQueueSize);
      return opened(options, io, builder::build, server);
    }
    Path db =
        given
            .map(Path::of)
            .orElseGet(
                () ->
                    server
                        .map(s -> defaultQueue(s, io))
                        .orElseThrow(
                            () ->
                                CliException.usage(
                                    "no queue file: give --db PATH (or DOSSIER_DB), or --server URL"
                                        + " (or DOSSIER_SERVER_URL) to use the server's default queue")));
    SqliteQueueStore.Builder builder = SqliteQueueStore.builder().path(db);
    options.maxQueueSize(io).ifPresent(builder::maxQueueSize);
    return opened(options, io, builder::open, server);
  }

  private static CliSession opened(
      CommonOptions options,
      CliIo io,
      java.util.function.Supplier<? extends QueueStore> open,
      Optional<String> server) {
    TokenSource tokens = options.tokens(io);
    try {
      return new CliSession(options, io, open.get(), server, tokens);
    } catch (QueueStoreException e) {
      throw new CliException(ExitCode.FAILED, e.getMessage(), e);
    }
  }

  /**
   * The server's default queue; a missing or relative home is a usage error naming DOSSIER_HOME.
   */
  private static Path defaultQueue(String server, CliIo io) {
    String home = System.getProperty("user.home");
    try {
      return DefaultQueueLocation.forServer(server, io.env(), Path.of(home == null ? "" : home));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private static void checkServerUrl(String url, boolean insecureHttp) {
    try {
      HttpTransportConfig.builder(url).build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          "invalid --server '" + ServerUrl.redact(url) + "': " + ServerUrl.redact(e.getMessage()));
    }
    ServerUrl.requireSafe(url, insecureHttp);
  }

  QueueStore store() {
    return store;
  }

  Optional<String> server() {
    return server;
  }

  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * A drain engine over this session's store and the server's transports, with {@code concurrency}
   * bodies in flight; every round it drains is also recorded in the store's health ({@link
   * HealthRecordingListener}).
   *
   * @throws CliException (exit 2) when no server is configured
   */
  DrainEngine drainEngine(ProjectScope scope, DrainListener listener, int concurrency) {
    return engineBuilder(listener, concurrency)
        .consent(scope.projects().map(SyncConsent::only).orElse(SyncConsent.allowAll()))
        .projectScope(scope)
        .build();
  }

  /**
   * A drain engine builder over this session's store, transports, token and lease, recording
   * health, with {@code concurrency} sends in flight; the caller sets consent and scope. The
   * connection pool holds a connection for every send in flight ({@link ConnectionPoolSize}).
   *
   * @throws CliException (exit 2) when no server is configured
   */
  DrainEngineBuilder engineBuilder(DrainListener listener, int concurrency) {
    String url =
        server.orElseThrow(
            () -> CliException.usage("no receiver: give --server URL or set DOSSIER_SERVER_URL"));
    if (transports == null) {
      int connections = ConnectionPoolSize.forConcurrency(concurrency);
      transports =
          HttpTransports.create(
              HttpTransportConfig.builder(url)
                  .maxConnections(
                      Math.max(HttpTransportConfig.DEFAULT_MAX_CONNECTIONS, connections))
                  .maxConnectionsPerRoute(connections)
                  .build());
      if (!tokens.hasToken()) {
        io.err()
            .println(
                "dossier: warning: no token (set "
                    + options.tokenEnv
                    + " or use --token-file); the receiver will likely answer 401");
      }
    }
    HttpTransports abortable = transports;
    return DrainEngine.builder()
        .queueStore(store)
        .contentTransport(transports.contentTransport(tokens))
        .eventTransport(transports.eventTransport(tokens))
        .tokenProvider(tokens)
        .listener(listener.and(new HealthRecordingListener(store.health(), clock())))
        .leaseDuration(LEASE)
        .concurrency(concurrency)
        .abortInFlight(abortable::close);
  }

  @Override
  public void close() {
    try {
      if (transports != null) {
        transports.close();
      }
    } finally {
      store.close();
    }
  }
}
