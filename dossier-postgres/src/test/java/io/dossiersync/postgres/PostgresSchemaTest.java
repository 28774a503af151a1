package io.dossiersync.postgres;

import static io.dossiersync.postgres.TestTasks.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.postgres.internal.PostgresSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema on a real server: every statement rendered for PostgreSQL prepares against it, a
 * current schema opens unchanged with its rows, a version 1 schema is upgraded in place (the health
 * row of version 2), a newer one is refused untouched, and settings are checked before connecting.
 */
class PostgresSchemaTest {

  private static final NamespaceRef NS = namespace("001-f");

  @Test
  void everyStatementRenderedForPostgresPreparesAgainstAFreshSchema() throws Exception {
    String schema = PostgresServer.freshSchema();
    PostgresServer.open(schema).close();
    List<String> prepared = new ArrayList<>();
    try (Connection c = PostgresServer.get().getPostgresDatabase().getConnection()) {
      c.createStatement().execute("SET search_path TO " + schema);
      for (String line : postgresStatements()) {
        String[] parts = line.split("\t", 3);
        try (PreparedStatement statement = c.prepareStatement(parts[2])) {
          // getParameterMetaData makes the server parse and describe the statement.
          int placeholders = parts[1].isEmpty() ? 0 : parts[1].split(",").length;
          assertThat(statement.getParameterMetaData().getParameterCount())
              .as(parts[0])
              .isEqualTo(placeholders);
          prepared.add(parts[0]);
        }
      }
    }
    assertThat(prepared)
        .hasSizeGreaterThan(50)
        .contains(
            "BODY_CLAIM_IN_HOLD",
            "EVENT_FAIL",
            "EVENT_RENEW",
            "BODY_RENEW",
            "FAILURE_INDEX_FOLLOWERS",
            "HEALTH_WRITE");
  }

  @Test
  void aCurrentSchemaOpensAgainWithItsRows() {
    String schema = PostgresServer.freshSchema();
    enqueueOneBody(schema);
    try (PostgresQueueStore store = PostgresServer.open(schema)) {
      assertThat(store.bodies().pending(io.dossiersync.core.queue.ProjectScope.all())).isEqualTo(1);
      assertThat(store.location()).contains("schema " + schema).doesNotContain("password");
    }
  }

  @Test
  void aNewerSchemaIsRefusedAndLeftUntouched() throws SQLException {
    String schema = PostgresServer.freshSchema();
    PostgresServer.open(schema).close();
    PostgresServer.execute(
        "UPDATE "
            + schema
            + ".dossier_schema SET version = "
            + (PostgresSchema.CURRENT_VERSION + 1));
    assertThatThrownBy(() -> PostgresServer.open(schema))
        .isInstanceOf(QueueStoreException.class)
        .hasMessageContaining("schema version " + (PostgresSchema.CURRENT_VERSION + 1))
        .hasMessageContaining("it was not modified");
    try (Connection c = PostgresServer.get().getPostgresDatabase().getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT version FROM " + schema + ".dossier_schema")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(PostgresSchema.CURRENT_VERSION + 1);
    }
  }

  @Test
  void settingsAreCheckedBeforeConnecting() {
    assertThatThrownBy(() -> PostgresQueueStore.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url is required");
    assertThatThrownBy(
            () ->
                PostgresQueueStore.builder()
                    .url("jdbc:postgresql://h/db")
                    .schema("Bad-Name")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema");
    assertThatThrownBy(
            () ->
                PostgresQueueStore.builder().url("jdbc:postgresql://h/db").maxQueueSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxQueueSize");
    assertThatThrownBy(
            () -> PostgresQueueStore.builder().url("jdbc:postgresql://h/db").poolSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poolSize");
  }

  @Test
  void anUnreachableServerIsAClearErrorWithoutThePassword() {
    assertThatThrownBy(
            () ->
                PostgresQueueStore.builder()
                    .url("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2")
                    .user("u")
                    .password("s3cret-value")
                    .build())
        .isInstanceOf(QueueStoreException.class)
        .hasMessageContaining("cannot be reached")
        .hasMessageNotContaining("s3cret-value");
  }

  @Test
  void aVersionOneSchemaIsUpgradedInPlaceWithItsRowsAndGainsTheHealthRow() throws SQLException {
    String schema = PostgresServer.freshSchema();
    enqueueOneBody(schema);
    // What version 1 was: the same tables without queue_health, bodies and payloads as text.
    PostgresServer.execute(
        "DROP TABLE " + schema + ".queue_health",
        "ALTER TABLE "
            + schema
            + ".body_queue ALTER COLUMN content_body TYPE text"
            + " USING convert_from(content_body, 'UTF8')",
        "ALTER TABLE "
            + schema
            + ".failure_record ALTER COLUMN payload TYPE text"
            + " USING convert_from(payload, 'UTF8')",
        "UPDATE " + schema + ".dossier_schema SET version = 1");
    try (PostgresQueueStore store = PostgresServer.open(schema)) {
      assertThat(store.bodies().pending(io.dossiersync.core.queue.ProjectScope.all())).isEqualTo(1);
      Instant at = Instant.ofEpochMilli(2_000);
      store.health().record(io.dossiersync.core.queue.HealthUpdate.heartbeat(at));
      assertThat(store.health().read().drainerHeartbeatAt()).contains(at);
    }
    try (Connection c = PostgresServer.get().getPostgresDatabase().getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT version FROM " + schema + ".dossier_schema")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(PostgresSchema.CURRENT_VERSION);
    }
  }

  private static List<String> postgresStatements() throws IOException {
    try (InputStream in =
        io.dossiersync.sqlite.internal.sql.Sql.class.getResourceAsStream("postgres.sql")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** Opens a store on the schema, enqueues body {@code u1} ({@code spec.md}) and closes it. */
  private static void enqueueOneBody(String schema) {
    try (PostgresQueueStore store = PostgresServer.open(schema)) {
      store
          .bodies()
          .enqueue(
              List.of(new BodyUploadTask("u1", NS, "spec.md", "h1", "# spec", 6)),
              Instant.ofEpochMilli(1_000));
    }
  }
}
