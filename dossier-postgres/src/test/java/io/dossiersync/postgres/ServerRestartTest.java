package io.dossiersync.postgres;

import static io.dossiersync.postgres.TestTasks.namespace;
import static io.dossiersync.postgres.TestTasks.numberedBodies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.drain.BackgroundSync;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.ServiceState;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.testkit.fake.PushResults;
import io.dossiersync.testkit.fake.ScriptedEventTransport;
import io.dossiersync.testkit.fake.ScriptedTokenProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection loss mid-drain (issue 20): a background drain runs against its own PostgreSQL server,
 * the server is stopped while bodies are being pushed, then started again on the same data
 * directory and port. The drain rides the outage out without being restarted: while the server is
 * down the store answers with a {@link QueueStoreException} (a queue error, the service stays
 * running), its broken connections are thrown away, and once the server is back new ones are opened
 * and the queue is emptied. No task is lost: every body reaches the counting receiver; a body is
 * pushed a second time only when the server went down before its completion was recorded
 * (at-least-once, PRODUCT.md §5), after its lease, and never more than twice.
 */
class ServerRestartTest {

  private static final int TASKS = 1_500;
  private static final int CONCURRENCY = 4;
  private static final int CLAIM_BATCH = 64;
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final NamespaceRef NS = namespace("001-outage");

  @TempDir Path dir;

  @Test
  void aBackgroundDrainRidesOutAServerRestartAndLosesNoTask() throws Exception {
    Path data = dir.resolve("pgdata");
    int port = freePort();
    EmbeddedPostgres server = start(data, port);
    String url = server.getJdbcUrl("postgres", "postgres");
    CountingReceiver receiver = new CountingReceiver();
    try (PostgresQueueStore store =
        PostgresQueueStore.builder()
            .url(url)
            .schema("outage")
            .maxQueueSize(Integer.MAX_VALUE)
            .build()) {
      store.bodies().enqueue(numberedBodies(NS, 0, TASKS), Instant.now().minusSeconds(1));
      DrainEngine engine =
          DrainEngine.builder()
              .queueStore(store)
              .contentTransport(receiver)
              .eventTransport(ScriptedEventTransport.create())
              .tokenProvider(ScriptedTokenProvider.of("token"))
              .concurrency(CONCURRENCY)
              .bodyClaimBatchSize(CLAIM_BATCH)
              .leaseDuration(LEASE)
              .build();
      BackgroundSync sync =
          BackgroundSync.builder(engine).maxPollInterval(Duration.ofMillis(200)).build();
      try {
        sync.start();
        await(() -> receiver.pushes() >= 200, "a fifth of the bodies pushed");

        server.close(); // stop mid-drain, keeping the data directory
        assertThat(data.resolve("PG_VERSION")).as("the data directory is kept").exists();
        int pushedWhenStopped = receiver.pushes();
        assertThat(pushedWhenStopped).as("stopped mid-drain").isLessThan(TASKS);
        assertThatThrownBy(() -> store.bodies().pending(ProjectScope.all()))
            .as("while down, the store answers with a queue error")
            .isInstanceOf(QueueStoreException.class)
            .hasMessageContaining("PostgreSQL queue");
        Thread.sleep(1_000); // the service retries a few times against the stopped server
        assertThat(sync.state().phase())
            .as("the service rides the outage out")
            .isEqualTo(ServiceState.Phase.RUNNING);
        assertThat(receiver.pushes())
            .as("nothing claimed while down")
            .isLessThanOrEqualTo(pushedWhenStopped + CONCURRENCY + CLAIM_BATCH);

        server = start(data, port);
        await(() -> pendingOrMinusOne(store) == 0, "the queue emptied after the restart");
        assertThat(sync.state().phase()).isEqualTo(ServiceState.Phase.RUNNING);
        assertThat(sessions(url))
            .as("new connections opened on the restarted server")
            .isBetween(1, PostgresQueueStore.Builder.DEFAULT_POOL_SIZE);
      } finally {
        sync.stop(Duration.ofSeconds(10));
        engine.close();
      }
    } finally {
      server.close();
    }
    Map<String, Integer> counts = receiver.counts();
    assertThat(counts).as("every body reached the receiver").hasSize(TASKS);
    long twice = counts.values().stream().filter(n -> n == 2).count();
    assertThat(counts.values()).as("none pushed more than twice").allMatch(n -> n <= 2);
    assertThat(twice)
        .as("pushed again only where the outage lost the completion")
        .isLessThanOrEqualTo(CONCURRENCY + CLAIM_BATCH);
  }

  @Test
  void connectionsKeptAcrossARestartAreReplacedWithoutAFailedOperation() throws Exception {
    Path data = dir.resolve("pgdata-idle");
    int port = freePort();
    EmbeddedPostgres server = start(data, port);
    try (PostgresQueueStore store =
        PostgresQueueStore.builder()
            .url(server.getJdbcUrl("postgres", "postgres"))
            .schema("idle")
            .build()) {
      store
          .bodies()
          .enqueue(List.of(new BodyUploadTask("u1", NS, "a.md", "h1", "a", 1)), Instant.now());
      assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1); // a connection kept

      server.close();
      server = start(data, port); // the kept connection is now broken, the store does not know

      assertThat(store.bodies().pending(ProjectScope.all()))
          .as("the broken connection is closed and the read runs on a new one")
          .isEqualTo(1);
      assertThat(sessions(server.getJdbcUrl("postgres", "postgres"))).isEqualTo(1);
    } finally {
      server.close();
    }
  }

  private static EmbeddedPostgres start(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long pendingOrMinusOne(PostgresQueueStore store) {
    try {
      return store.bodies().pending(ProjectScope.all());
    } catch (QueueStoreException e) {
      return -1; // a connection broken by the restart, thrown away: the next one is fresh
    }
  }

  /** The store's connections on the server (the superuser's own one excluded). */
  private static int sessions(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dossier-sync'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - until).as("waiting for: %s", what).isNegative();
      Thread.sleep(20);
    }
  }

  /** The receiver: stores each body, counting how often each content hash arrived. */
  private static final class CountingReceiver implements ContentTransport {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final AtomicInteger pushes = new AtomicInteger();

    @Override
    public PushResult push(PushContentRequest request) {
      try {
        Thread.sleep(4);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      counts.merge(request.contentHash(), 1, Integer::sum);
      pushes.incrementAndGet();
      return PushResults.stored();
    }

    int pushes() {
      return pushes.get();
    }

    Map<String, Integer> counts() {
      return Map.copyOf(counts);
    }
  }
}
