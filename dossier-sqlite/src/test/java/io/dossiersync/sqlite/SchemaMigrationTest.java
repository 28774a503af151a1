package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.NS;
import static io.dossiersync.sqlite.TestTasks.T0;
import static io.dossiersync.sqlite.TestTasks.claimAll;
import static io.dossiersync.sqlite.TestTasks.snapshotEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.sqlite.internal.SchemaMigrator;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written by schema version 1 opens, upgrades in place and keeps its tasks. */
class SchemaMigrationTest {

  @TempDir Path dir;

  @Test
  void versionOneFileUpgradesInPlaceAndKeepsItsTasks() throws SQLException {
    Path file = dir.resolve("v1.db");
    List<String> v1 = new ArrayList<>(SchemaMigrator.statements(SchemaMigrator.script(1)));
    v1.add("PRAGMA user_version = 1");
    v1.add(
        "INSERT INTO body_queue (upload_id, project_uuid, feature_slug, target_branch,"
            + " mission_key, manifest_version, artifact_path, content_hash, hash_algorithm,"
            + " content_body, size_bytes, created_at, retry_count, next_attempt_at)"
            + " VALUES ('01KT5YTQ000000000000000001', '"
            + NS.projectUuid()
            + "', '047-alpha', 'main',"
            + " 'software-dev', '1', 'spec.md', 'abc123', 'sha256', '# spec', 6, "
            + T0.toEpochMilli()
            + ", 2, "
            + T0.toEpochMilli()
            + ")");
    SqliteFiles.execute(file, v1.toArray(String[]::new));
    assertThat(SqliteFiles.longValue(file, "PRAGMA user_version")).isEqualTo(1);

    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
      // Version 4 gives the unleased row the no-lease values new rows get (InPlaceClaimTest).
      assertThat(SqliteFiles.text(file, InPlaceClaimTest.BODY_LEASE_COLUMNS))
          .isEqualTo(InPlaceClaimTest.NO_LEASE);
      ClaimedBody claimed =
          store.bodies().claim(claimAll(10, T0, Duration.ofMinutes(1), "d")).get(0);
      assertThat(claimed.task().namespace()).isEqualTo(NS);
      assertThat(claimed.task().contentBody()).isEqualTo("# spec");
      assertThat(claimed.retryCount()).isEqualTo(2);
      Instant failedAt = T0.plusSeconds(5);
      assertThat(store.bodies().settle(List.of(Settlement.fail(claimed, "http_400", failedAt))))
          .hasSize(1);
      assertThat(store.failures().list(1).get(0).attempts()).isEqualTo(3);
      assertThat(store.failures().list(1).get(0).firstFailedAt()).isEqualTo(failedAt);
    }
    assertThat(SqliteFiles.longValue(file, "PRAGMA user_version"))
        .isEqualTo(SchemaMigrator.CURRENT_VERSION);
    assertThat(SqliteFiles.strings(file, "SELECT name FROM pragma_table_info('body_queue')"))
        .contains("first_failed_at", "claimed_at");
    // Version 4 keeps every column and puts the body text last (in-place claims).
    assertThat(
            SqliteFiles.text(
                file,
                "SELECT name FROM pragma_table_info('body_queue')" + " ORDER BY cid DESC LIMIT 1"))
        .isEqualTo("content_body");
    assertThat(SqliteFiles.strings(file, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        .containsExactlyInAnyOrder(
            "event_queue",
            "body_queue",
            "failure_record",
            "queue_health"); // version 5: the health row
    assertThat(SqliteFiles.strings(file, "SELECT name FROM sqlite_master WHERE type = 'index'"))
        .contains(
            "ix_body_queue_feature",
            "ix_event_queue_namespace",
            "ix_body_queue_drain",
            "ix_body_queue_project_drain");
    assertThat(SqliteFiles.text(file, "PRAGMA journal_mode")).isEqualTo("wal");
  }

  @Test
  void reopeningACurrentFileChangesNothingAndKeepsTasks() throws SQLException {
    Path file = dir.resolve("nested/dirs/queue.db");
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.events().enqueue(List.of(snapshotEvent(NS)), T0);
    }
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      assertThat(store.events().pending(ProjectScope.all())).isEqualTo(1);
      assertThat(store.location()).isEqualTo(file.toAbsolutePath().toString());
    }
    assertThat(SqliteFiles.longValue(file, "PRAGMA user_version"))
        .isEqualTo(SchemaMigrator.CURRENT_VERSION);
    assertThat(SqliteFiles.text(file, "PRAGMA integrity_check")).isEqualTo("ok");
  }
}
