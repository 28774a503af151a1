package io.dossiersync.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.sqlite.internal.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Measures (does not judge) the enqueue throughput of the corpus's eligible bodies in one batch
 * against the floor: a bare sqlite-jdbc batch insert of the same rows into the same schema with the
 * same pragmas, in the same run, alternating, after warm-up rounds (JIT). Run with {@code
 * -Dgroups=measure -DexcludedGroups=none}.
 */
@Tag("measure")
class EnqueueThroughputMeasure {

  private static final Path CORPUS = Path.of("/tmp/corpus/kitty-specs");
  private static final int WARMUP_ROUNDS = 2;
  private static final int ROUNDS = 5;

  @TempDir Path dir;

  @Test
  void enqueueOfTheCorpusBodiesVersusABareJdbcBatchInsert() throws Exception {
    assumeTrue(Files.isDirectory(CORPUS), "corpus not unpacked at " + CORPUS);
    List<BodyUploadTask> tasks = CorpusBodies.read(CORPUS);
    long bytes = tasks.stream().mapToLong(BodyUploadTask::sizeBytes).sum();
    List<Long> floor = new ArrayList<>();
    List<Long> store = new ArrayList<>();
    for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      long floorRun = bareInsert(tasks, dir.resolve("floor-" + round + ".db"));
      long storeRun = storeEnqueue(tasks, dir.resolve("store-" + round + ".db"));
      if (round >= WARMUP_ROUNDS) {
        floor.add(floorRun);
        store.add(storeRun);
      }
    }
    long floorNanos = median(floor);
    long storeNanos = median(store);
    System.out.printf(
        Locale.ROOT,
        "corpus: %d bodies, %.1f MB%n"
            + "floor (bare sqlite-jdbc batch): median %.0f ms = %.0f bodies/s (runs ms %s)%n"
            + "store enqueue (one batch):      median %.0f ms = %.0f bodies/s (runs ms %s)%n"
            + "ratio store/floor: %.2fx%n",
        tasks.size(),
        bytes / 1e6,
        floorNanos / 1e6,
        tasks.size() / (floorNanos / 1e9),
        millis(floor),
        storeNanos / 1e6,
        tasks.size() / (storeNanos / 1e9),
        millis(store),
        (double) storeNanos / floorNanos);
    assertThat(tasks).isNotEmpty();
  }

  private static long storeEnqueue(List<BodyUploadTask> tasks, Path file) {
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(file).build()) {
      long start = System.nanoTime();
      var result = store.bodies().enqueue(tasks, Instant.now());
      long elapsed = System.nanoTime() - start;
      assertThat(result.count(EnqueueStatus.ENQUEUED)).isEqualTo(tasks.size());
      return elapsed;
    }
  }

  private static long bareInsert(List<BodyUploadTask> tasks, Path file) throws Exception {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    try (Connection connection = config.createConnection("jdbc:sqlite:" + file)) {
      try (Statement ddl = connection.createStatement()) {
        for (int v = 1; v <= SchemaMigrator.CURRENT_VERSION; v++) {
          for (String sql : SchemaMigrator.statements(SchemaMigrator.script(v))) {
            ddl.execute(sql);
          }
        }
      }
      long now = System.currentTimeMillis();
      long start = System.nanoTime();
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into body_queue (upload_id, project_uuid, feature_slug, target_branch,"
                  + " mission_key, manifest_version, artifact_path, content_hash, hash_algorithm,"
                  + " content_body, size_bytes, created_at, retry_count, next_attempt_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, 'sha256', ?, ?, ?, 0, ?)")) {
        for (BodyUploadTask t : tasks) {
          insert.setString(1, t.uploadId());
          insert.setString(2, t.namespace().projectUuid());
          insert.setString(3, t.namespace().featureSlug());
          insert.setString(4, t.namespace().targetBranch());
          insert.setString(5, t.namespace().missionKey());
          insert.setString(6, t.namespace().manifestVersion());
          insert.setString(7, t.artifactPath());
          insert.setString(8, t.contentHash());
          insert.setString(9, t.contentBody());
          insert.setLong(10, t.sizeBytes());
          insert.setLong(11, now);
          insert.setLong(12, now);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
      return System.nanoTime() - start;
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String millis(List<Long> nanos) {
    return nanos.stream().map(n -> String.valueOf(n / 1_000_000)).toList().toString();
  }
}
