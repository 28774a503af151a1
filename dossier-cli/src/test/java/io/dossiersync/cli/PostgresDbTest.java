package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db postgresql://HOST:PORT/DB} on a real PostgreSQL server (embedded, from Maven): sync,
 * status and drain work on it as on a file, and the password, given only through {@code PGPASSWORD}
 * or {@code --db-password-file}, never appears in any output.
 */
class PostgresDbTest {

  private static final String PASSWORD = "pg-s3cret-never-printed";
  private static EmbeddedPostgres server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws IOException {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Test
  void syncStatusAndDrainWorkOnPostgresWithoutPrintingThePassword() throws IOException {
    String db = "postgresql://postgres@localhost:" + server.getPort() + "/postgres";
    try (CliWorld world = new CliWorld(dir, "047-body-sync")) {
      Map<String, String> env = new HashMap<>(world.env());
      env.put("PGPASSWORD", PASSWORD);
      CliRun sync =
          CliRun.of(
              env, "sync", "--db", db, "--no-drain", "--json", world.feature(0).dir().toString());
      assertThat(sync.exit()).as(sync.transcript()).isZero();
      long queued = sync.json().get("pending").get("bodies").asLong();
      assertThat(queued).isPositive();

      Path passwordFile = Files.writeString(dir.resolve("pgpass"), PASSWORD + "\n");
      CliRun status =
          CliRun.of(
              world.env(),
              "status",
              "--db",
              db,
              "--db-password-file",
              passwordFile.toString(),
              "--json");
      assertThat(status.exit()).as(status.transcript()).isZero();
      assertThat(status.json().get("bodies").get("pending").asLong()).isEqualTo(queued);
      assertThat(status.json().get("db").asText()).contains("localhost").contains("schema dossier");

      world.startReceiver();
      CliRun drain =
          CliRun.of(
              env,
              "drain",
              "--server",
              world.receiver().baseUri().toString(),
              "--db",
              db,
              "--json");
      assertThat(drain.exit()).as(drain.transcript()).isZero();
      assertThat(drain.json().get("bodies").get("uploaded").asLong()).isEqualTo(queued);
      assertThat(world.receiver().ledger().duplicateStores()).isEmpty();

      for (CliRun run : List.of(sync, status, drain)) {
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
      }
    }
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
    CliRun run =
        CliRun.of(
            Map.of(),
            "status",
            "--db",
            "postgresql://postgres:" + PASSWORD + "@localhost:" + server.getPort() + "/postgres");
    assertThat(run.exit()).as(run.transcript()).isEqualTo(2);
    assertThat(run.err()).contains("PGPASSWORD").doesNotContain(PASSWORD);
  }
}
