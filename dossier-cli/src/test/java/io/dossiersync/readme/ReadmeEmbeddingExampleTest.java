package io.dossiersync.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.checkout.NamespaceOverrides;
import io.dossiersync.core.checkout.SpecKittyCheckout;
import io.dossiersync.core.drain.BackgroundSync;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.HttpTransportConfig;
import io.dossiersync.http.HttpTransports;
import io.dossiersync.sqlite.SqliteQueueStore;
import io.dossiersync.testkit.fixture.CheckoutFixture;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the embedding example of the README, line for line between the markers, against the
 * reference receiver: if the README's code stops compiling or working, this test fails (and
 * {@link ReadmePageTest} fails when the README and these lines part ways).
 */
class ReadmeEmbeddingExampleTest {

  @TempDir Path dir;

  @Test
  void readmeExampleDeliversEveryEligibleBody() throws Exception {
    CheckoutFixture checkout = FeatureDirs.checkout(dir).feature("047-body-sync", "main",
        "software-dev").build();
    Path featureDir = checkout.features().get(0).dir();
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().token("s3cret").start()) {
      String serverUrl = receiver.baseUri().toString();
      Path queueFile = dir.resolve("queue.db");
      String tokenValue = "s3cret";
      // --- README example begins ---
      try (SqliteQueueStore store = SqliteQueueStore.builder().path(queueFile).open();
          HttpTransports http = HttpTransports.create(HttpTransportConfig.builder(serverUrl).build())) {
        TokenProvider tokens = TokenProvider.fixed(new AccessToken(tokenValue));
        DrainEngine drain = DrainEngine.builder().queueStore(store).tokenProvider(tokens)
            .contentTransport(http.contentTransport(tokens))
            .eventTransport(http.eventTransport(tokens)).build();
        try (BackgroundSync background = BackgroundSync.builder(drain).build()) {
          background.start();
          DossierPipeline pipeline = DossierPipeline.builder().queueStore(store).build();
          NamespaceRef namespace =
              new SpecKittyCheckout().read(featureDir, NamespaceOverrides.none()).namespace();
          DossierSyncResult result = pipeline.syncFeatureDossier(featureDir, namespace);
          background.wakeUp();
          // --- README example ends ---
          assertThat(result.errors()).isEmpty();
          awaitStored(receiver, result.outcomes().stream()
              .filter(o -> o.status() == OutcomeStatus.QUEUED).count());
        }
      }
      assertThat(receiver.ledger().storedBodies()).isNotEmpty();
      assertThat(receiver.ledger().duplicateStores()).isEmpty();
    }
  }

  private static void awaitStored(ReferenceReceiver receiver, long expected)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (receiver.ledger().storedBodies().size() < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(receiver.ledger().storedBodies()).hasSize((int) expected);
  }
}
