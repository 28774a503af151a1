package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.QueueStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * Creates the schema of a new queue file and upgrades an older one in place, tracking the version
 * in {@code PRAGMA user_version}. Version {@code n} is the script {@code schema/V<n>__*.sql}; a new
 * file runs every script in order, so the upgrade path is the path every file takes. Stateless.
 */
public final class SchemaMigrator {

  /** The schema version this code reads and writes. */
  public static final int CURRENT_VERSION = 5;

  private static final List<String> SCRIPTS =
      List.of(
          "V1__queues.sql",
          "V2__first_failure_and_stats.sql",
          "V3__claim_indexes.sql",
          "V4__body_text_last.sql",
          "V5__queue_health.sql");

  /** The tables every dossier queue of version 1 or more has. */
  private static final List<String> QUEUE_TABLES = List.of("event_queue", "body_queue");

  private static final Pattern TABLE_NAME =
      Pattern.compile(
          "(?i)(?:CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?|RENAME\\s+TO\\s+)"
              + "[\"`\\[]?([A-Za-z0-9_]+)");

  private SchemaMigrator() {}

  /**
   * Refuses a file that must not be written: not a SQLite database, visibly truncated, another
   * application's database (a table our schema scripts do not create, or our queue tables missing
   * at version 1 or more), or a newer schema version. Opens it read-only, so a refused file keeps
   * its bytes. A missing or empty file passes (it becomes a new queue).
   *
   * @param file the queue file
   * @throws QueueStoreException naming the file and the problem
   */
  public static void inspect(Path file) {
    try {
      if (!Files.exists(file) || Files.size(file) == 0) {
        return;
      }
      Optional<String> problem = DatabaseFileCheck.problem(file);
      if (problem.isPresent()) {
        throw SqliteErrors.corrupt(file, problem.get(), null);
      }
    } catch (IOException e) {
      throw new QueueStoreException("queue file " + file + " cannot be read: " + e.getMessage(), e);
    }
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection connection =
        readOnly.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      int version = version(connection);
      refuseNewer(file, version);
      refuseForeign(file, version, tables(connection));
    } catch (SQLException | RuntimeException e) {
      throw SqliteErrors.translate(file, "opening", e);
    }
  }

  /**
   * Brings the schema to {@link #CURRENT_VERSION} in one write transaction; a no-op when it is
   * there already (another process may have migrated it first). The version is read first in a read
   * transaction, so opening a current file never takes the write lock and never waits behind a
   * drain (PRODUCT.md §3: read-only commands).
   *
   * @param database the open database
   * @return the version the file had before
   */
  public static int migrate(Database database) {
    int current = database.read("reading the schema version", SchemaMigrator::version);
    if (current == CURRENT_VERSION) {
      return current;
    }
    return database.write(
        "migrating the schema",
        connection -> {
          int version = version(connection);
          refuseNewer(database.file(), version);
          for (int next = version + 1; next <= CURRENT_VERSION; next++) {
            for (String statement : statements(script(next))) {
              execute(connection, statement);
            }
          }
          if (version != CURRENT_VERSION) {
            execute(connection, "PRAGMA user_version = " + CURRENT_VERSION);
          }
          return version;
        });
  }

  /**
   * The text of one version's script, as shipped in this jar.
   *
   * @param version a version from 1 to {@link #CURRENT_VERSION}
   * @return the DDL script
   */
  public static String script(int version) {
    String name = "/io/dossiersync/sqlite/schema/" + SCRIPTS.get(version - 1);
    try (InputStream in = SchemaMigrator.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema script missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits a script into statements: {@code --} comments dropped, split on {@code ;}.
   *
   * @param script a schema script (no {@code ;} inside literals)
   * @return the statements, in order
   */
  public static List<String> statements(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n")) {
      int comment = line.indexOf("--");
      text.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
    }
    List<String> statements = new ArrayList<>();
    for (String part : text.toString().split(";")) {
      if (!part.isBlank()) {
        statements.add(part.strip());
      }
    }
    return statements;
  }

  /**
   * The tables the schema scripts of this jar create or rename to, in any version (a table dropped
   * by a later script is still known: a file of an older version holds it).
   *
   * @return the table names, lower-cased
   */
  public static Set<String> knownTables() {
    Set<String> names = new HashSet<>();
    for (int v = 1; v <= CURRENT_VERSION; v++) {
      Matcher m = TABLE_NAME.matcher(script(v));
      while (m.find()) {
        names.add(m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Refuses a file that is not a dossier queue: one with a table no schema script of ours creates,
   * or one at version 1 or more that lacks our queue tables.
   */
  private static void refuseForeign(Path file, int version, List<String> tables) {
    Set<String> known = knownTables();
    List<String> foreign =
        tables.stream()
            .filter(t -> !t.toLowerCase(Locale.ROOT).startsWith("sqlite_"))
            .filter(t -> !known.contains(t.toLowerCase(Locale.ROOT)))
            .sorted()
            .toList();
    boolean oursMissing =
        version >= 1
            && !tables.stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toList()
                .containsAll(QUEUE_TABLES);
    if (!foreign.isEmpty() || oursMissing || (version == 0 && !tables.isEmpty())) {
      String why =
          !foreign.isEmpty()
              ? "a SQLite database of another application: tables "
                  + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
              : oursMissing
                  ? "a SQLite database of another application: schema version "
                      + version
                      + " without the queue tables"
                  : "a SQLite database of another application: tables but no schema version";
      throw SqliteErrors.corrupt(file, why, null);
    }
  }

  private static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static void refuseNewer(Path file, int version) {
    if (version > CURRENT_VERSION) {
      throw new QueueStoreException(
          "queue file "
              + file
              + " has schema version "
              + version
              + ", newer than the version "
              + CURRENT_VERSION
              + " this dossier-sync reads; it was not modified: use a newer dossier-sync or "
              + "another --db path");
    }
  }
}
