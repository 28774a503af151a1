package io.dossiersync.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.sqlite.internal.SchemaMigrator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files the store must refuse without touching them: a newer schema version, random bytes, a text
 * file, a truncated database, another application's database.
 */
class UnusableFileTest {

  @TempDir Path dir;

  @Test
  void newerSchemaVersionIsRefusedNamingTheFileAndBothVersionsAndLeftUntouched() throws Exception {
    Path file = dir.resolve("newer.db");
    SqliteFiles.execute(
        file,
        "CREATE TABLE body_queue (id INTEGER PRIMARY KEY, future TEXT)",
        "PRAGMA user_version = 7");
    Snapshot before = Snapshot.of(file);
    assertThatThrownBy(() -> SqliteQueueStore.builder().path(file).build())
        .isInstanceOf(QueueStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("schema version 7")
        .hasMessageContaining("version " + SchemaMigrator.CURRENT_VERSION);
    assertThat(Snapshot.of(file)).isEqualTo(before);
    assertThat(SqliteFiles.longValue(file, "PRAGMA user_version")).isEqualTo(7);
  }

  static Stream<Arguments> unusableFiles() throws IOException {
    byte[] random = new byte[8192];
    new Random(42).nextBytes(random);
    return Stream.of(
        Arguments.of("random bytes", random),
        Arguments.of(
            "a text file", "# my notes\nnot a database\n".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a header only", "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableFiles")
  void nonSqliteFileIsRefusedAndNeverOverwritten(String what, byte[] content) throws Exception {
    Path file = dir.resolve("queue.db");
    Files.write(file, content);
    assertRefusedAsCorruptAndUntouched(file);
  }

  @Test
  void truncatedDatabaseIsRefusedAndNeverOverwritten() throws Exception {
    Path file = dir.resolve("truncated.db");
    List<String> statements = SchemaMigrator.statements(SchemaMigrator.script(1));
    SqliteFiles.execute(file, statements.toArray(String[]::new));
    SqliteFiles.execute(
        file,
        "PRAGMA user_version = 1",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
            + " INSERT INTO failure_record (kind, task_id, project_uuid, feature_slug,"
            + " target_branch, mission_key, manifest_version, payload, reason, attempts,"
            + " first_failed_at, last_failed_at) SELECT 'body', i, 'p', 'f', 'b', 'm', '1',"
            + " hex(randomblob(2000)), 'x', 1, i, i FROM n");
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertRefusedAsCorruptAndUntouched(file, "truncated");
  }

  @Test
  void sqliteDatabaseOfAnotherApplicationIsRefused() throws Exception {
    Path file = dir.resolve("other.db");
    SqliteFiles.execute(file, "CREATE TABLE contacts (name TEXT)");
    assertRefusedAsCorruptAndUntouched(file, "another application");
  }

  @Test
  void emptyFileBecomesANewQueue() throws Exception {
    Path file = dir.resolve("empty.db");
    Files.createFile(file);
    SqliteQueueStore.builder().path(file).build().close();
    assertThat(SqliteFiles.longValue(file, "PRAGMA user_version"))
        .isEqualTo(SchemaMigrator.CURRENT_VERSION);
  }

  /**
   * Opening the file fails as corrupt, naming the file and each detail, and leaves the file as it
   * was (bytes and modification time).
   */
  private static void assertRefusedAsCorruptAndUntouched(Path file, String... details)
      throws Exception {
    Snapshot before = Snapshot.of(file);
    var refusal =
        assertThatThrownBy(() -> SqliteQueueStore.builder().path(file).build())
            .isInstanceOf(QueueStoreException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("corrupt or not a dossier-sync queue database")
            .hasMessageContaining("left untouched");
    for (String detail : details) {
      refusal.hasMessageContaining(detail);
    }
    assertThat(Snapshot.of(file)).isEqualTo(before);
  }

  /** The bytes and modification time of a file. */
  record Snapshot(String sha256, FileTime modified, long size) {
    static Snapshot of(Path file) throws Exception {
      byte[] bytes = Files.readAllBytes(file);
      String digest =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      return new Snapshot(digest, Files.getLastModifiedTime(file), bytes.length);
    }
  }
}
