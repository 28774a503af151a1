package io.dossiersync.core.pipeline;

import static io.dossiersync.core.FeatureFiles.write;
import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.body.internal.BodyPreparer;
import io.dossiersync.core.index.FileSystemIndexer;
import io.dossiersync.core.index.IndexRequest;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.internal.Walked;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies handed to the store in chunks of bounded text (the first ones read ahead when prefetched),
 * outcomes told in index order.
 */
class BodyStreamTest {

  private static final NamespaceRef NS = namespace(PROJECT_A, "047-chunks");

  @TempDir Path dir;

  private BodyStream stream(long chunkBytes) {
    for (int i = 0; i < 10; i++) {
      write(dir, "research/n" + i + ".md", "x".repeat(40)); // 40 bytes each
    }
    write(dir, "notes.txt", "skipped");
    Walked<MissionDossier> walked =
        new FileSystemIndexer()
            .indexWalked(dir, new IndexRequest("software-dev", Optional.empty(), Optional.empty()));
    AtomicInteger ids = new AtomicInteger();
    BodyPreparer preparer =
        new BodyPreparer(SurfacePolicy.specKittyDefault(), () -> "id-" + ids.incrementAndGet());
    return new BodyStream(preparer, dir, NS, walked, chunkBytes);
  }

  @Test
  void chunksStopOnceTheirTextReachesTheLimit() {
    BodyStream stream = stream(100);
    List<Integer> sizes = new ArrayList<>();
    for (List<BodyUploadTask> chunk = stream.next(); !chunk.isEmpty(); chunk = stream.next()) {
      sizes.add(chunk.size());
    }

    assertThat(sizes).containsExactly(3, 3, 3, 1); // 120 bytes >= 100 closes a chunk
    assertThat(stream.next()).isEmpty();
    assertThat(stream.eligible()).isEqualTo(10);
    List<UploadOutcome> outcomes =
        stream.outcomes(Collections.nCopies(10, EnqueueStatus.ENQUEUED), Optional.empty());
    assertThat(outcomes).hasSize(11);
    assertThat(outcomes).filteredOn(o -> o.status() == OutcomeStatus.QUEUED).hasSize(10);
    assertThat(outcomes.get(0).artifactPath()).isEqualTo("notes.txt");
  }

  @Test
  void aStoreFailureAfterSomeChunksMakesEveryEligibleBodyAQueueError() {
    BodyStream stream = stream(100);
    stream.next();

    List<UploadOutcome> outcomes = stream.outcomes(List.of(), Optional.of("disk full"));

    assertThat(stream.eligible()).isEqualTo(10);
    assertThat(outcomes)
        .filteredOn(o -> o.status() == OutcomeStatus.FAILED)
        .hasSize(10)
        .allSatisfy(o -> assertThat(o.reason()).contains("queue_error: disk full"));
    assertThat(outcomes).filteredOn(o -> o.status() == OutcomeStatus.SKIPPED).hasSize(1);
  }

  @Test
  void tooFewStatusesFromAStoreAreQueueErrors() {
    BodyStream stream = stream(1_000);

    List<UploadOutcome> outcomes =
        stream.outcomes(List.of(EnqueueStatus.ENQUEUED), Optional.empty());

    assertThat(outcomes)
        .filteredOn(o -> o.reason().orElse("").contains("no status returned"))
        .hasSize(9);
  }

  @Test
  void aPipelineWithSmallChunksQueuesEveryBodyInTheInMemoryStore() {
    for (int i = 0; i < 10; i++) {
      write(dir, "research/n" + i + ".md", "body " + i);
    }
    try (InMemoryQueueStore store = InMemoryQueueStore.create()) {
      DossierSyncResult result =
          DossierPipeline.builder()
              .queueStore(store)
              .chunkBytes(8)
              .build()
              .syncFeatureDossier(dir, NS);

      assertThat(result.count(OutcomeStatus.QUEUED)).isEqualTo(10);
      assertThat(store.stats(java.time.Instant.EPOCH).bodies().pending()).isEqualTo(10);
    }
  }

  @Test
  void prefetchedBodiesAreReadBeforeTheStoreAsksAndKeepTheirOrder() throws Exception {
    BodyStream stream = stream(100);
    stream.prefetch(); // the chunk limit (100 bytes) is below PREFETCH_BYTES: three bodies
    for (int i = 0; i < 10; i++) {
      Files.delete(dir.resolve("research/n" + i + ".md"));
    }

    List<String> paths = new ArrayList<>();
    for (List<BodyUploadTask> chunk = stream.next(); !chunk.isEmpty(); chunk = stream.next()) {
      chunk.forEach(t -> paths.add(t.artifactPath()));
    }

    assertThat(paths).containsExactly("research/n0.md", "research/n1.md", "research/n2.md");
    assertThat(stream.eligible()).isEqualTo(3);
    assertThat(stream.outcomes(List.of(), Optional.of("store down")))
        .filteredOn(o -> o.reason().orElse("").startsWith("deleted_after_scan"))
        .hasSize(7);
  }

  @Test
  void withoutPrefetchEveryBodyIsReadWhenTheStoreAsks() throws Exception {
    BodyStream stream = stream(100);
    Files.delete(dir.resolve("research/n0.md"));

    assertThat(stream.next())
        .extracting(BodyUploadTask::artifactPath)
        .containsExactly("research/n1.md", "research/n2.md", "research/n3.md");
  }
}
