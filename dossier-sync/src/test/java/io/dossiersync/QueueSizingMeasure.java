package io.dossiersync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.checkout.NamespaceOverrides;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.FeatureDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's sizing figures of docs/operations.md: disk per 1,000 queued bodies, the WAL beside
 * the file, the heap a queue of that size costs. A measurement, not a pass/fail test: {@code ./mvnw
 * -B -pl dossier-sync -am test -Dgroups=measure -DexcludedGroups=none -Dtest=QueueSizingMeasure
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints one line per figure.
 */
@Tag("measure")
class QueueSizingMeasure {

  private static final int BODIES = 5_000;
  private static final NamespaceOverrides NAMESPACE =
      new NamespaceOverrides(
          Optional.of("5f0c2a8e-3d4b-4e6f-9a1b-2c3d4e5f6a7b"), Optional.of("main"),
          Optional.of("software-dev"), Optional.of("1"));

  @TempDir Path dir;

  @Test
  void diskAndHeapPerThousandQueuedBodies() throws IOException {
    for (int bytes : new int[] {1_024, 4_096, 32_768}) {
      measure(bytes);
    }
  }

  private void measure(int bodyBytes) throws IOException {
    Path featureDir =
        FeatureDirs.manyFiles(dir.resolve("f" + bodyBytes), "047-sizing", BODIES, bodyBytes).dir();
    Path queueFile = dir.resolve("queue-" + bodyBytes + ".db");
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().token("t").start();
        DossierSync dossier =
            DossierSync.builder(receiver.baseUri().toString())
                .tokenProvider(TokenProvider.fixed(new AccessToken("t")))
                .queueFile(queueFile)
                .backgroundDelivery(false)
                .build()) {
      long heapBefore = usedHeap();
      dossier.sync(featureDir, NAMESPACE);
      long heapQueued = usedHeap();
      long queued = dossier.stats().bodies().pending();
      assertThat(queued).isEqualTo(BODIES);
      long db = size(queueFile);
      long wal = size(Path.of(queueFile + "-wal"));
      FlushResult left = dossier.flush(Duration.ofMinutes(10));
      assertThat(left.delivered()).as(left.summary()).isTrue();
      long dbAfter = size(queueFile);
      long walAfter = size(Path.of(queueFile + "-wal"));
      System.out.printf(
          Locale.ROOT,
          "sizing body=%d B: %d bodies queued: db %.2f MB + wal %.2f MB (%.2f MB per 1,000);"
              + " heap held by the queued state %+.1f MB; after delivery: db %.2f MB, wal %.2f MB%n",
          bodyBytes,
          queued,
          mb(db),
          mb(wal),
          mb(db + wal) * 1_000 / queued,
          mb(heapQueued - heapBefore),
          mb(dbAfter),
          mb(walAfter));
    }
  }

  private static long size(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
