package io.dossiersync.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.DossierSync;
import io.dossiersync.FlushResult;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.CheckoutFixture;
import io.dossiersync.testkit.fixture.FeatureDirs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the embedding example of the README, line for line between the markers, against the
 * reference receiver: if the README's code stops compiling or working, this test fails (and {@link
 * ReadmePageTest} fails when the README and these lines part ways).
 */
class ReadmeEmbeddingExampleTest {

  @TempDir Path dir;

  @Test
  void readmeExampleDeliversEveryEligibleBody() {
    CheckoutFixture checkout =
        FeatureDirs.checkout(dir).feature("047-body-sync", "main", "software-dev").build();
    Path featureDir = checkout.features().get(0).dir();
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().token("s3cret").start()) {
      String serverUrl = receiver.baseUri().toString();
      Path queueFile = dir.resolve("queue.db");
      TokenProvider tokens = TokenProvider.fixed(new AccessToken("s3cret"));
      DossierSyncResult result;
      FlushResult left;
      // --- README example begins ---
      try (DossierSync dossier =
          DossierSync.builder(serverUrl).tokenProvider(tokens).queueFile(queueFile).build()) {
        result = dossier.sync(featureDir); // queued at once, delivered in the background
        left = dossier.flush(Duration.ofSeconds(30)); // before exit: deliver, or say what is left
      }
      // --- README example ends ---
      assertThat(result.errors()).isEmpty();
      assertThat(left.delivered()).as(left.summary()).isTrue();
      assertThat(receiver.ledger().storedBodies())
          .hasSize(
              (int)
                  result.outcomes().stream()
                      .filter(o -> o.status() == OutcomeStatus.QUEUED)
                      .count())
          .isNotEmpty();
      assertThat(receiver.ledger().duplicateStores()).isEmpty();
    }
  }
}
