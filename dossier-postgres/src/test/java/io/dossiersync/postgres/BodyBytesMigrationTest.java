package io.dossiersync.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.postgres.internal.PostgresSchema;
import io.dossiersync.testkit.contract.BodyContentContract;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schema version 3 keeps bodies and failure payloads as UTF-8 bytes ({@code bytea}): a schema of
 * each earlier version, built from that version's own scripts with text rows in it, migrates in
 * place, and every body, failed body and failed event reads back exactly as it was written.
 */
class BodyBytesMigrationTest {

  private static final NamespaceRef NS = TestTasks.namespace("001-f");

  /** Non-ASCII, a backslash and quotes: what a careless conversion would mangle. */
  private static final String BODY = "# spec \u00e9t\u00e9 \u2713 \uD83D\uDE00 C:\\x 'q' \"d\"\n";

  private static final String FAILED_BODY = "# plan \\000 \u00fc\n";
  private static final String EVENT_PAYLOAD =
      "{\"event_id\":\"01KT5YTQ000000000000000003\","
          + "\"event_type\":\"MissionDossierArtifactIndexed\",\"payload\":{\"relative_path\":"
          + "\"spec.md\",\"note\":\"\\u00e9 \\\\ caf\u00e9\"}}";

  @ParameterizedTest(name = "from version {0}")
  @ValueSource(ints = {1, 2})
  void aSchemaOfAnEarlierVersionWithTextBodiesMigratesAndReadsBackTheSame(int version)
      throws SQLException {
    String schema = PostgresServer.freshSchema();
    buildVersion(schema, version);
    try (PostgresQueueStore store = PostgresServer.open(schema)) {
      Instant now = Instant.parse("2026-03-01T10:00:00Z");
      List<ClaimedBody> queued = store.bodies().claim(claim(now));
      assertThat(queued)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.task())
                    .isEqualTo(
                        new BodyUploadTask(
                            "01KT5YTQ000000000000000001",
                            NS,
                            "spec.md",
                            sha256(BODY),
                            BODY,
                            BODY.getBytes(StandardCharsets.UTF_8).length));
                assertThat(c.retryCount()).isEqualTo(2);
              });
      assertThat(store.failures().requeueAll(now)).isEqualTo(2);
      List<ClaimedEvent> events = store.events().claim(claim(now));
      assertThat(events)
          .singleElement()
          .satisfies(c -> assertThat(c.event().json()).isEqualTo(EVENT_PAYLOAD));
      assertThat(store.bodies().claim(claim(now)))
          .singleElement()
          .satisfies(c -> assertThat(c.task().contentBody()).isEqualTo(FAILED_BODY));
      assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2);
    }
    assertThat(columnTypes(schema))
        .containsExactly("failure_record.payload bytea", "body_queue.content_body bytea");
    assertThat(storedVersion(schema)).isEqualTo(3).isEqualTo(PostgresSchema.CURRENT_VERSION);
  }

  /** The schema as version {@code version} made it, with a body and two failure records. */
  private static void buildVersion(String schema, int version) {
    List<String> sql =
        new ArrayList<>(List.of("CREATE SCHEMA " + schema, "SET search_path TO " + schema));
    for (int v = 1; v <= version; v++) {
      sql.add(PostgresSchema.script(v));
    }
    sql.add("CREATE TABLE dossier_schema (version INTEGER NOT NULL)");
    sql.add("INSERT INTO dossier_schema VALUES (" + version + ")");
    sql.add(
        "INSERT INTO body_queue (upload_id, project_uuid, feature_slug, target_branch,"
            + " mission_key, manifest_version, artifact_path, content_hash, hash_algorithm,"
            + " size_bytes, created_at, retry_count, next_attempt_at, content_body) VALUES"
            + " ('01KT5YTQ000000000000000001', "
            + namespace()
            + ", 'spec.md', '"
            + sha256(BODY)
            + "', 'sha256', "
            + BODY.getBytes(StandardCharsets.UTF_8).length
            + ", 1000, 2, 1000, "
            + literal(BODY)
            + ")");
    sql.add(
        "INSERT INTO failure_record (kind, task_id, project_uuid, feature_slug,"
            + " target_branch, mission_key, manifest_version, artifact_path, content_hash, payload,"
            + " size_bytes, reason, attempts, first_failed_at, last_failed_at) VALUES ('body',"
            + " '01KT5YTQ000000000000000002', "
            + namespace()
            + ", 'plan.md', '"
            + sha256(FAILED_BODY)
            + "', "
            + literal(FAILED_BODY)
            + ", "
            + FAILED_BODY.getBytes(StandardCharsets.UTF_8).length
            + ", 'http_400', 1, 900, 900)");
    sql.add(
        "INSERT INTO failure_record (kind, task_id, project_uuid, feature_slug,"
            + " target_branch, mission_key, manifest_version, event_type, aggregate_id, payload,"
            + " reason, attempts, first_failed_at, last_failed_at) VALUES ('event',"
            + " '01KT5YTQ000000000000000003', "
            + namespace()
            + ", 'MissionDossierArtifactIndexed',"
            + " '001-f:spec.md', "
            + literal(EVENT_PAYLOAD)
            + ", 'rejected', 1, 900, 900)");
    PostgresServer.execute(sql.toArray(String[]::new));
  }

  private static String namespace() {
    return "'"
        + NS.projectUuid()
        + "', '"
        + NS.featureSlug()
        + "', '"
        + NS.targetBranch()
        + "', '"
        + NS.missionKey()
        + "', '"
        + NS.manifestVersion()
        + "'";
  }

  /** A standard-conforming string literal (backslashes are plain characters in it). */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static ClaimRequest claim(Instant now) {
    return new ClaimRequest(10, now, Duration.ofSeconds(60), "m", ProjectScope.all(), false);
  }

  private static List<String> columnTypes(String schema) throws SQLException {
    List<String> types = new ArrayList<>();
    try (Connection c = PostgresServer.get().getPostgresDatabase().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT table_name, column_name, data_type"
                    + " FROM information_schema.columns WHERE table_schema = ? AND column_name IN"
                    + " ('content_body', 'payload') AND table_name <> 'event_queue'"
                    + " ORDER BY table_name DESC")) {
      s.setString(1, schema);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          types.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3));
        }
      }
    }
    return types;
  }

  private static int storedVersion(String schema) throws SQLException {
    try (Connection c = PostgresServer.get().getPostgresDatabase().getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT version FROM " + schema + ".dossier_schema")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  private static String sha256(String text) {
    return BodyContentContract.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
