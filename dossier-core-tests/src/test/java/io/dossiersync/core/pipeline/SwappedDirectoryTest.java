package io.dossiersync.core.pipeline;

import static io.dossiersync.core.FeatureFiles.write;
import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.internal.Sha256;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EventRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory of the feature swapped for a symlink to an outside directory holding files of the
 * same names (PRODUCT.md §2 step 5): the outside bytes are never enqueued, the swapped files are
 * {@code deleted_after_scan}. Once through the seam between index and read, once raced for real.
 */
class SwappedDirectoryTest {

  private static final NamespaceRef NS = namespace(PROJECT_A, "047-swap");

  @TempDir Path root;

  @Test
  void aDirectorySwappedForAnOutsideSymlinkAfterTheIndexIsDeletedAfterScan() throws Exception {
    Path dir = Files.createDirectories(root.resolve("feature"));
    write(dir, "spec.md", "# spec");
    write(dir, "research/notes.md", "same bytes");
    Path outside = Files.createDirectories(root.resolve("outside"));
    write(outside, "notes.md", "same bytes"); // same hash: only the identity check can tell
    RecordingQueueStore store = new RecordingQueueStore();
    DossierPipeline pipeline =
        DossierPipeline.builder()
            .queueStore(store)
            .afterIndex(dossier -> swap(dir.resolve("research"), outside, root.resolve("moved")))
            .build();

    DossierSyncResult result = pipeline.syncFeatureDossier(dir, NS);

    assertThat(reason(result, "research/notes.md")).isEqualTo("deleted_after_scan");
    assertThat(reason(result, "spec.md")).isEqualTo("-");
    assertThat(store.bodyBatches)
        .flatMap(b -> b)
        .extracting(BodyUploadTask::artifactPath)
        .containsExactly("spec.md");
  }

  @Test
  @Timeout(120)
  void aRealSwapRaceNeverEnqueuesAnOutsideBody() throws Exception {
    Path dir = Files.createDirectories(root.resolve("feature"));
    write(dir, "spec.md", "# spec");
    Path outside = Files.createDirectories(root.resolve("outside"));
    for (int i = 0; i < 20; i++) {
      write(dir, "research/n" + i + ".md", "inside " + i);
      write(outside, "n" + i + ".md", "SECRET " + i);
    }
    Path research = dir.resolve("research");
    Path parked = root.resolve("parked");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger swaps = new AtomicInteger();
    Thread swapper =
        new Thread(
            () -> {
              while (!stop.get()) {
                swap(research, outside, parked);
                unswap(research, parked);
                swaps.incrementAndGet();
              }
            },
            "swap-race");
    swapper.start();
    RecordingQueueStore store = new RecordingQueueStore();
    try {
      DossierPipeline pipeline = DossierPipeline.builder().queueStore(store).build();
      for (int round = 0; round < 50; round++) {
        DossierSyncResult result = pipeline.syncFeatureDossier(dir, NS);
        for (UploadOutcome o : result.outcomes()) {
          assertThat(o.status().wireName()).as("%s", o).isIn("queued", "skipped");
          o.reason()
              .ifPresent(
                  r ->
                      assertThat(r)
                          .as("%s", o)
                          .isIn("deleted_after_scan", "not_present: deleted_after_scan"));
        }
      }
      assertThat(store.bodyBatches)
          .flatMap(b -> b)
          .extracting(BodyUploadTask::contentBody)
          .isNotEmpty()
          .allSatisfy(body -> assertThat(body).doesNotContain("SECRET"));
      assertThat(swaps).as("swaps raced against the syncs").hasPositiveValue();
      String secretHash = Sha256.hex("SECRET 1".getBytes(UTF_8));
      assertThat(store.eventBatches)
          .flatMap(b -> b)
          .extracting(EventRecord::json)
          .allSatisfy(json -> assertThat(json).doesNotContain(secretHash));
    } finally {
      stop.set(true);
      swapper.join();
      if (Files.isSymbolicLink(research)) {
        unswap(research, parked);
      }
    }
  }

  private static String reason(DossierSyncResult result, String path) {
    return result.outcomes().stream()
        .filter(o -> o.artifactPath().equals(path))
        .findFirst()
        .orElseThrow()
        .reason()
        .orElse("-");
  }

  private static void swap(Path dir, Path outside, Path parked) {
    try {
      Files.move(dir, parked);
      Files.createSymbolicLink(dir, outside);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void unswap(Path dir, Path parked) {
    try {
      Files.delete(dir);
      Files.move(parked, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
