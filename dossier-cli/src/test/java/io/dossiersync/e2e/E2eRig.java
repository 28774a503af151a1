package io.dossiersync.e2e;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainEngineBuilder;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.HttpTransportConfig;
import io.dossiersync.http.HttpTransports;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.receiver.ReferenceReceiverBuilder;
import io.dossiersync.sqlite.SqliteQueueStore;
import io.dossiersync.testkit.MutableClock;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a host wires up, over real parts: a SQLite queue file, the pipeline, the HTTP transports and
 * drain engines against a receiver URI. By default every part runs on one {@link MutableClock} and
 * the drain's sleeper moves that clock instead of waiting, so backoff costs no wall time. Closes
 * everything it opened, in reverse order.
 */
final class E2eRig implements AutoCloseable {

  /** The bearer token the rig sends and its receivers require. */
  static final String TOKEN = "e2e-token";

  static final String PROJECT_A = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";
  static final String PROJECT_B = "0f5c1d2e-3b4a-4c6d-8e9f-a0b1c2d3e4f5";

  private final Path queueFile;
  private final Clock clock;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private SqliteQueueStore store;
  private DossierPipeline pipeline;

  private E2eRig(Path queueFile, Clock clock) {
    this.queueFile = queueFile;
    this.clock = clock;
    reopenStore();
  }

  /** A rig on a stopped clock that the drain's sleeper moves. */
  static E2eRig onMutableClock(Path dir) {
    return new E2eRig(
        dir.resolve("queue.db"), MutableClock.at(Instant.parse("2026-03-01T10:00:00Z")));
  }

  /** A rig on the system clock: drains really wait (only for tests of real concurrency). */
  static E2eRig onSystemClock(Path dir) {
    return new E2eRig(dir.resolve("queue.db"), Clock.systemUTC());
  }

  static NamespaceRef namespace(String project, String slug) {
    return new NamespaceRef(project, slug, "main", "software-dev", "1");
  }

  Clock clock() {
    return clock;
  }

  SqliteQueueStore store() {
    return store;
  }

  Path queueFile() {
    return queueFile;
  }

  /** Closes the store and opens a fresh one on the same file, as a restarted host would. */
  SqliteQueueStore reopenStore() {
    if (store != null) {
      store.close();
      opened.remove(store);
    }
    store = SqliteQueueStore.builder().path(queueFile).build();
    opened.add(store);
    pipeline = DossierPipeline.builder().queueStore(store).clock(clock).build();
    return store;
  }

  DossierSyncResult sync(FeatureFixture feature, NamespaceRef namespace) {
    return pipeline.syncFeatureDossier(feature.dir(), namespace);
  }

  /** A drain engine with the host's defaults, tuned by {@code tune}. */
  DrainEngine engine(URI receiver, UnaryOperator<DrainEngineBuilder> tune) {
    HttpTransports http =
        HttpTransports.create(
            HttpTransportConfig.builder(receiver.toString())
                .clock(clock)
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(10))
                .build());
    opened.add(http);
    TokenProvider tokens = TokenProvider.fixed(new AccessToken(TOKEN));
    var content = http.contentTransport(tokens);
    var events = http.eventTransport(tokens);
    opened.add(content);
    opened.add(events);
    DrainEngineBuilder builder =
        DrainEngine.builder()
            .queueStore(store)
            .contentTransport(content)
            .eventTransport(events)
            .tokenProvider(tokens)
            .clock(clock)
            .jitter(() -> 0.0);
    if (clock instanceof MutableClock mutable) {
      builder.sleeper(mutable::advance);
    }
    DrainEngine engine = tune.apply(builder).build();
    opened.add(engine);
    return engine;
  }

  DrainEngine engine(URI receiver) {
    return engine(receiver, UnaryOperator.identity());
  }

  /**
   * Starts a reference receiver that accepts {@link #TOKEN} and reads the rig's clock, adjusted by
   * {@code settings}; the caller closes it.
   */
  ReferenceReceiver startReceiver(UnaryOperator<ReferenceReceiverBuilder> settings) {
    return settings.apply(ReferenceReceiver.builder().token(TOKEN).clock(clock)).start();
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the rig failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
