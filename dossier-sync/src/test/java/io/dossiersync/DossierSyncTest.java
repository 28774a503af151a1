package io.dossiersync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.HttpTransportConfig;
import io.dossiersync.http.HttpTransports;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.sqlite.SqliteQueueStore;
import io.dossiersync.testkit.fixture.FeatureDirs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade against the reference receiver over loopback, on a real SQLite queue file. */
class DossierSyncTest {

  private static final String TOKEN = "s3cret";
  private static final TokenProvider TOKENS = TokenProvider.fixed(new AccessToken(TOKEN));

  @TempDir Path dir;
  private Path featureDir;
  private Path queueFile;

  @BeforeEach
  void checkout() {
    featureDir =
        FeatureDirs.checkout(dir.resolve("repo"))
            .feature("047-body-sync", "main", "software-dev")
            .build()
            .features()
            .get(0)
            .dir();
    queueFile = dir.resolve("queue.db");
  }

  @Test
  void flushDeliversEverythingQueuedToTheReferenceReceiver() {
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().token(TOKEN).start();
        DossierSync dossier =
            DossierSync.builder(receiver.baseUri().toString())
                .tokenProvider(TOKENS)
                .queueFile(queueFile)
                .backgroundDelivery(false)
                .build()) {
      DossierSyncResult result = dossier.sync(featureDir);
      long queued = queuedBodies(result);
      assertThat(queued).isPositive();
      assertThat(dossier.stats().bodies().pending()).isEqualTo(queued);

      FlushResult left = dossier.flush(Duration.ofSeconds(30));

      assertThat(left.delivered()).as(left.summary()).isTrue();
      assertThat(left.summary()).isEqualTo("delivered");
      assertThat(left.timedOut()).isFalse();
      assertThat(receiver.ledger().storedBodies()).hasSize((int) queued);
      assertThat(receiver.ledger().eventsReceived()).isNotEmpty();
      QueueStats stats = dossier.stats();
      assertThat(stats.events().pending() + stats.bodies().pending()).isZero();
    }
  }

  @Test
  void backgroundDeliveryDeliversWithoutAFlushAndStopsOnClose() throws InterruptedException {
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().token(TOKEN).start()) {
      DossierSync dossier =
          DossierSync.builder(receiver.baseUri().toString())
              .tokenProvider(TOKENS)
              .queueFile(queueFile)
              .build();
      assertThat(dossier.isDelivering()).isTrue();
      long queued = queuedBodies(dossier.sync(featureDir));
      awaitStored(receiver, queued);
      dossier.close();
      assertThat(dossier.isDelivering()).isFalse();
      assertThat(receiver.ledger().storedBodies()).hasSize((int) queued);
      assertThat(receiver.ledger().duplicateStores()).isEmpty();
    }
  }

  @Test
  void flushAgainstADownReceiverReturnsAtTheTimeoutSayingWhatIsLeft() throws IOException {
    String downUrl = "http://127.0.0.1:" + freePort();
    try (DossierSync dossier =
        DossierSync.builder(downUrl)
            .tokenProvider(TOKENS)
            .queueFile(queueFile)
            .backgroundDelivery(false)
            .build()) {
      DossierSyncResult result = dossier.sync(featureDir);
      long events = dossier.stats().events().pending();

      FlushResult left = dossier.flush(Duration.ofMillis(500));

      assertThat(left.delivered()).isFalse();
      assertThat(left.timedOut()).isTrue();
      assertThat(left.tokenRejected()).isFalse();
      assertThat(left.eventsLeft()).isEqualTo(events).isPositive();
      assertThat(left.bodiesLeft()).isEqualTo(queuedBodies(result));
      assertThat(left.summary())
          .isEqualTo(
              "left: " + events + " events, " + queuedBodies(result) + " bodies (timed out)");
    }
  }

  @Test
  void closeNeverClosesAHandedInStoreOrTransports() {
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().token(TOKEN).start();
        HttpTransports http =
            HttpTransports.create(
                HttpTransportConfig.builder(receiver.baseUri().toString()).build())) {
      RecordingQueueStore store =
          new RecordingQueueStore(SqliteQueueStore.builder().path(queueFile).open());
      RecordingTransports transports =
          new RecordingTransports(http.contentTransport(TOKENS), http.eventTransport(TOKENS));
      DossierSync dossier =
          DossierSync.builder(receiver.baseUri().toString())
              .tokenProvider(TOKENS)
              .queueStore(store)
              .transports(transports.content, transports.events)
              .build();
      long queued = queuedBodies(dossier.sync(featureDir));
      assertThat(dossier.flush(Duration.ofSeconds(30)).delivered()).isTrue();

      dossier.close();
      dossier.close();

      assertThat(store.closeCalls).hasValue(0);
      assertThat(transports.contentCloses).hasValue(0);
      assertThat(transports.eventCloses).hasValue(0);
      assertThat(dossier.isDelivering()).isFalse();
      assertThat(store.stats(java.time.Instant.now()).failures()).isZero();
      assertThat(receiver.ledger().storedBodies()).hasSize((int) queued);
      store.closeForReal();
    }
  }

  @Test
  void closeClosesTheStoreItOpenedAndRefusesLaterCalls() {
    DossierSync dossier =
        DossierSync.builder("http://127.0.0.1:9")
            .tokenProvider(TOKENS)
            .queueFile(queueFile)
            .build();
    dossier.sync(featureDir);
    dossier.close();

    assertThat(dossier.isDelivering()).isFalse();
    assertThatThrownBy(dossier::stats)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> dossier.sync(featureDir)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> dossier.flush(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
    // What it queued is in the file, which it released: a second store opens it at once.
    try (SqliteQueueStore reopened = SqliteQueueStore.builder().path(queueFile).open()) {
      assertThat(reopened.stats(java.time.Instant.now()).bodies().pending()).isPositive();
    }
  }

  @Test
  void buildNamesWhatIsMissingOrConflicting() {
    assertThatThrownBy(() -> DossierSync.builder("http://127.0.0.1:9").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenProvider");
    RecordingQueueStore store =
        new RecordingQueueStore(SqliteQueueStore.builder().path(queueFile).open());
    assertThatThrownBy(
            () ->
                DossierSync.builder("http://127.0.0.1:9")
                    .tokenProvider(TOKENS)
                    .queueStore(store)
                    .queueFile(queueFile)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () -> DossierSync.builder("not a url").tokenProvider(TOKENS).queueStore(store).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                DossierSync.builder("http://127.0.0.1:9")
                    .tokenProvider(TOKENS)
                    .queueStore(store)
                    .backgroundDelivery(false)
                    .build()
                    .flush(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThat(store.closeCalls).hasValue(0);
    store.closeForReal();
  }

  @Test
  void aQueueFileThatCannotBeOpenedLeavesNothingOpen() throws IOException {
    Path notAFile = java.nio.file.Files.createDirectories(dir.resolve("a-directory.db"));
    assertThatThrownBy(
            () ->
                DossierSync.builder("http://127.0.0.1:9")
                    .tokenProvider(TOKENS)
                    .queueFile(notAFile)
                    .build())
        .isInstanceOf(RuntimeException.class);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("dossier-background-sync") && t.isAlive());
  }

  private static long queuedBodies(DossierSyncResult result) {
    return result.outcomes().stream().filter(o -> o.status() == OutcomeStatus.QUEUED).count();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitStored(ReferenceReceiver receiver, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (receiver.ledger().storedBodies().size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
