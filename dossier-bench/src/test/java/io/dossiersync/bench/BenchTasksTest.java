package io.dossiersync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.internal.Sha256;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic workload is what the figures claim: distinct 4 KiB bodies, all enqueued. */
class BenchTasksTest {

  @TempDir Path dir;

  @Test
  void tasksAreDistinct4KiBBodiesWithTheirSha256() {
    List<BodyUploadTask> tasks = BenchTasks.tasks(0, 50);

    assertThat(tasks).extracting(BodyUploadTask::contentHash).doesNotHaveDuplicates();
    assertThat(tasks).extracting(BodyUploadTask::artifactPath).doesNotHaveDuplicates();
    for (BodyUploadTask task : tasks) {
      byte[] bytes = task.contentBody().getBytes(StandardCharsets.UTF_8);
      assertThat(bytes).hasSize(BenchTasks.BODY_BYTES);
      assertThat(task.sizeBytes()).isEqualTo(BenchTasks.BODY_BYTES);
      assertThat(task.contentHash()).isEqualTo(Sha256.hex(bytes));
    }
  }

  @Test
  void enqueueFillsARealQueueFileInBatches() {
    try (SqliteQueueStore store = BenchTasks.openStore(dir.resolve("queue.db"), 2_500)) {
      BenchTasks.enqueue(store, 2_500);

      assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2_500);
      assertThat(
              store
                  .bodies()
                  .claim(
                      new ClaimRequest(
                          3,
                          Instant.now(),
                          Duration.ofMinutes(1),
                          "test",
                          ProjectScope.all(),
                          false)))
          .hasSize(3);
    }
  }

  @Test
  void aLaterEnqueueFromANewIndexAddsNewTasksWhileTheFirstArePending() {
    try (SqliteQueueStore store = BenchTasks.openStore(dir.resolve("queue.db"), 3_000)) {
      BenchTasks.enqueue(store, 1_500);
      BenchTasks.enqueue(store, 1_500, 1_200);

      assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2_700);
    }
  }

  @Test
  void medianIsTheMiddleOfTheSortedRuns() {
    assertThat(Figures.median(List.of(30L, 10L, 20L))).isEqualTo(20L);
    assertThat(Figures.median(List.of(5L))).isEqualTo(5L);
  }
}
