package io.dossiersync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.Corpus;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.checkout.SpecKittyCheckout;
import io.dossiersync.core.queue.BodyUploadTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syncs every real corpus feature into a recording store; skipped when the corpus is absent. */
class CorpusSyncTest {

  @Test
  void everyRealArtifactGetsExactlyOneOutcomeAndNothingFails() throws IOException {
    List<Path> features = Corpus.features();
    RecordingQueueStore store = new RecordingQueueStore();
    DossierPipeline pipeline = DossierPipeline.builder().queueStore(store).build();
    SpecKittyCheckout checkout = new SpecKittyCheckout();
    long artifacts = 0;
    long queued = 0;

    for (Path feature : features) {
      DossierSyncResult result =
          pipeline.syncFeatureDossier(feature, checkout.read(feature).namespace());

      assertThat(result.outcomes()).hasSameSizeAs(result.dossier().artifacts());
      assertThat(result.hasFailures()).as(feature.toString()).isFalse();
      artifacts += result.outcomes().size();
      queued += result.count(OutcomeStatus.QUEUED);
    }

    assertThat(store.eventBatches).hasSize(features.size());
    assertThat(artifacts).isGreaterThan(10_000);
    assertThat(queued)
        .isEqualTo(store.bodyBatches.stream().mapToLong(List::size).sum())
        .isGreaterThan(5_000);
    assertThat(store.bodyBatches.stream().flatMap(List::stream))
        .allMatch(task -> task.sizeBytes() <= 524_288 && !task.contentBody().isEmpty())
        .extracting(BodyUploadTask::artifactPath)
        .noneMatch(path -> path.startsWith(".") || path.contains("/."));
  }
}
