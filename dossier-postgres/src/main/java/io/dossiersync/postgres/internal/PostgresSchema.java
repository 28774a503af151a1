package io.dossiersync.postgres.internal;

import io.dossiersync.core.queue.QueueStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the store's schema in a PostgreSQL database and upgrades an older one in place, like the
 * SQLite store's migrator: version {@code n} is the script {@code schema/V<n>__*.sql}, the version
 * is kept in the table {@code dossier_schema} of the store's schema, and every script runs in one
 * transaction under the schema's advisory lock, so two processes opening a new database at once
 * serialize and the second finds it current. A newer version is refused and the database left
 * untouched. Stateless.
 */
public final class PostgresSchema {

  /** The schema version this code reads and writes. */
  public static final int CURRENT_VERSION = 3;

  private static final List<String> SCRIPTS =
      List.of("V1__queues.sql", "V2__queue_health.sql", "V3__bodies_as_bytes.sql");

  private PostgresSchema() {}

  /**
   * Brings the schema to {@link #CURRENT_VERSION} in one transaction; a no-op when it is there.
   *
   * @param database the database
   * @return the version the schema had before (0 for none)
   * @throws QueueStoreException when the schema is newer than this code, or a script fails
   */
  public static int migrate(PostgresDatabase database) {
    return database.withConnection(
        "migrating the schema",
        c -> {
          try (PreparedStatement lock =
              c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "dossier-sync:" + database.schema());
            lock.execute();
          }
          try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + database.schema());
            s.execute(
                "CREATE TABLE IF NOT EXISTS "
                    + database.schema()
                    + ".dossier_schema (version INTEGER NOT NULL)");
          }
          int version = version(c, database.schema());
          if (version > CURRENT_VERSION) {
            c.rollback();
            throw new QueueStoreException(
                "PostgreSQL queue "
                    + database.location()
                    + " has schema version "
                    + version
                    + ", newer than the version "
                    + CURRENT_VERSION
                    + " this dossier-sync reads; it was not modified: use a newer dossier-sync or"
                    + " another schema");
          }
          try (Statement s = c.createStatement()) {
            for (int next = version + 1; next <= CURRENT_VERSION; next++) {
              s.execute(script(next));
            }
            if (version != CURRENT_VERSION) {
              s.execute("DELETE FROM " + database.schema() + ".dossier_schema");
              s.execute(
                  "INSERT INTO "
                      + database.schema()
                      + ".dossier_schema VALUES ("
                      + CURRENT_VERSION
                      + ")");
            }
          }
          c.commit();
          return version;
        });
  }

  /**
   * The text of one version's script, as shipped in this jar.
   *
   * @param version a version from 1 to {@link #CURRENT_VERSION}
   * @return the DDL script (one or more statements)
   */
  public static String script(int version) {
    String name = "/io/dossiersync/postgres/schema/" + SCRIPTS.get(version - 1);
    try (InputStream in = PostgresSchema.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema script missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int version(Connection c, String schema) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(version) FROM " + schema + ".dossier_schema")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
