package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyChunks;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.QueueStoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enqueueDossier} with bodies pulled chunk by chunk (issue 15.4): one transaction for all
 * chunks, statuses in task order across chunks, and a failure in a later chunk keeps nothing.
 */
class StreamedEnqueueTest {

  private static final NamespaceRef NS = namespace("047-stream");
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  @TempDir Path dir;

  private static BodyUploadTask task(int i, String hash) {
    return new BodyUploadTask(
        String.format("01KT5YTQ%018d", i),
        NS,
        "research/" + i + ".md",
        hash.repeat(64 / hash.length()),
        "body " + i,
        6);
  }

  /** A task of another id with the path and hash of task 2. */
  private static BodyUploadTask samePathAs2(int id) {
    BodyUploadTask two = task(2, "a");
    return new BodyUploadTask(
        String.format("01KT5YTQ%018d", id),
        NS,
        two.artifactPath(),
        two.contentHash(),
        two.contentBody(),
        two.sizeBytes());
  }

  private static BodyChunks chunks(List<List<BodyUploadTask>> chunks) {
    Deque<List<BodyUploadTask>> left = new ArrayDeque<>(chunks);
    return () -> left.isEmpty() ? List.of() : left.pop();
  }

  @Test
  void everyChunkIsWrittenAndTheStatusesFollowTheTasksAcrossChunks() {
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(dir.resolve("q.db")).build()) {
      store.bodies().enqueue(List.of(task(2, "a")), NOW);

      DossierEnqueueResult result =
          store.enqueueDossier(
              List.of(),
              chunks(
                  List.of(
                      List.of(task(10, "b"), task(11, "b")),
                      List.of(samePathAs2(12)),
                      List.of(task(13, "c")))),
              NOW);

      assertThat(result.bodies().statuses())
          .containsExactly(
              EnqueueStatus.ENQUEUED,
              EnqueueStatus.ENQUEUED,
              EnqueueStatus.ALREADY_IN_QUEUE,
              EnqueueStatus.ENQUEUED);
      assertThat(store.stats(NOW).bodies().pending()).isEqualTo(4);
    }
  }

  @Test
  void aFailureWhilePullingALaterChunkKeepsNothingOfTheFeature() {
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(dir.resolve("q.db")).build()) {
      List<Integer> pulls = new ArrayList<>();
      BodyChunks failing =
          () -> {
            pulls.add(pulls.size());
            if (pulls.size() == 2) {
              throw new IllegalStateException("the disk went away");
            }
            return List.of(task(pulls.size(), "d"));
          };

      assertThatThrownBy(() -> store.enqueueDossier(List.of(), failing, NOW))
          .isInstanceOf(QueueStoreException.class);
      assertThat(store.stats(NOW).bodies().pending()).isZero();
    }
  }

  @Test
  void aFullQueueIsJudgedAcrossChunks() {
    try (SqliteQueueStore store =
        SqliteQueueStore.builder().path(dir.resolve("q.db")).maxQueueSize(2).build()) {
      DossierEnqueueResult result =
          store.enqueueDossier(
              List.of(),
              chunks(List.of(List.of(task(1, "e")), List.of(task(2, "e")), List.of(task(3, "e")))),
              NOW);

      assertThat(result.bodies().statuses())
          .containsExactly(
              EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED, EnqueueStatus.QUEUE_FULL);
    }
  }

  @Test
  void noHomeWithoutDossierHomeIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> DefaultQueueLocation.forServer("https://r.example", Map.of(), Path.of("?")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOSSIER_HOME");
    assertThat(
            DefaultQueueLocation.forServer(
                "https://r.example", Map.of("DOSSIER_HOME", "/srv/dossier"), Path.of("?")))
        .startsWithRaw(Path.of("/srv/dossier/queues"));
  }
}
