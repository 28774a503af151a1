package io.dossiersync.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.sqlite.internal.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRODUCT.md §3 safety (v1.1) on real files: foreign SQLite files are refused untouched (never
 * switched to WAL), new queues are private, and opening a current file takes no write lock.
 */
class QueueFileSafetyTest {

  @TempDir Path dir;

  @Test
  void aQueueWithAnExtraTableOfAnotherApplicationIsRefusedUntouched() throws Exception {
    Path file = dir.resolve("mixed.db");
    SqliteQueueStore.builder().path(file).build().close();
    SqliteFiles.execute(file, "CREATE TABLE contacts (name TEXT)", "PRAGMA journal_mode=DELETE");
    String before = sha256(file);

    assertThatThrownBy(() -> SqliteQueueStore.builder().path(file).build())
        .isInstanceOf(QueueStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("another application: tables contacts")
        .hasMessageContaining("left untouched");
    assertThat(sha256(file)).isEqualTo(before);
  }

  @Test
  void aFileWithAVersionButNotOurTablesIsRefusedAndNeverSwitchedToWal() throws Exception {
    Path file = dir.resolve("versioned.db");
    SqliteFiles.execute(file, "PRAGMA user_version = 2");
    String before = sha256(file);

    assertThatThrownBy(() -> SqliteQueueStore.builder().path(file).build())
        .isInstanceOf(QueueStoreException.class)
        .hasMessageContaining("schema version 2 without the queue tables");
    assertThat(sha256(file)).isEqualTo(before);
    assertThat(SqliteFiles.text(file, "PRAGMA journal_mode")).isEqualTo("delete");
    assertThat(Files.exists(dir.resolve("versioned.db-wal"))).isFalse();
  }

  @Test
  void everyTableOfEverySchemaScriptIsKnown() {
    assertThat(SchemaMigrator.knownTables())
        .contains("event_queue", "body_queue", "failure_record", "body_queue_v3");
  }

  @Test
  void aNewQueueIsPrivateItsDirectories0700AndItsFiles0600() throws Exception {
    Path file = dir.resolve("home/queues/queue.db");
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.stats(Instant.EPOCH); // the -wal and -shm files exist while a connection is open
      assertThat(mode(dir.resolve("home"))).isEqualTo("rwx------");
      assertThat(mode(dir.resolve("home/queues"))).isEqualTo("rwx------");
      assertThat(mode(file)).isEqualTo("rw-------");
      for (String suffix : new String[] {"-wal", "-shm"}) {
        Path side = dir.resolve("home/queues/queue.db" + suffix);
        if (Files.exists(side)) {
          assertThat(mode(side)).as(suffix).isEqualTo("rw-------");
        }
      }
    }
  }

  @Test
  @Timeout(20)
  void openingACurrentQueueTakesNoWriteLock() throws Exception {
    Path file = dir.resolve("busy.db");
    SqliteQueueStore.builder().path(file).build().close();
    try (Connection writer = SqliteFiles.open(file);
        Statement st = writer.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      st.execute("DELETE FROM failure_record");
      // With a write lock needed, this open would wait the whole busy timeout, then fail.
      try (SqliteQueueStore store =
          SqliteQueueStore.builder().path(file).busyTimeout(Duration.ofSeconds(60)).build()) {
        assertThat(store.stats(Instant.EPOCH).bodies().pending()).isZero();
      }
      st.execute("ROLLBACK");
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
