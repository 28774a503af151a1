package io.dossiersync.core.pipeline;

import static io.dossiersync.core.FeatureFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.body.internal.BodyPreparer;
import io.dossiersync.core.index.FileSystemIndexer;
import io.dossiersync.core.index.IndexRequest;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.internal.Walked;
import io.dossiersync.core.queue.BodyUploadTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first bodies read before the store call, then handed over as the start of the first chunk. */
class BodyStreamPrefetchTest {

  private static final NamespaceRef NS =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "049-prefetch", "main", "software-dev", "1");

  @TempDir Path dir;

  private BodyStream stream(long chunkBytes) {
    for (int i = 0; i < 10; i++) {
      write(dir, "research/n" + i + ".md", "x".repeat(40)); // 40 bytes each
    }
    Walked<MissionDossier> walked = new FileSystemIndexer().indexWalked(dir,
        new IndexRequest("software-dev", Optional.empty(), Optional.empty()));
    AtomicInteger ids = new AtomicInteger();
    BodyPreparer preparer =
        new BodyPreparer(SurfacePolicy.specKittyDefault(), () -> "id-" + ids.incrementAndGet());
    return new BodyStream(preparer, dir, NS, walked, chunkBytes);
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

    assertThat(stream.next()).extracting(BodyUploadTask::artifactPath)
        .containsExactly("research/n1.md", "research/n2.md", "research/n3.md");
  }
}
