package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dossier status --check [--max-age S]} (PRODUCT.md §6): exit 0 when nothing pending is
 * older than the limit and there are no failure records, else exit 4 with one line naming the
 * oldest pending artifact and its age, or the failure count. Ages are made old by moving {@code
 * created_at} back in the real file, so no test waits for time to pass.
 */
class StatusCheckTest {

  @TempDir Path dir;
  private CliWorld world;

  @BeforeEach
  void create() {
    world = new CliWorld(dir, "047-check");
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void anEmptyQueuePassesTheCheck() {
    CliRun check = world.run("status", world.offline(), "--check");
    assertThat(check.exit()).as(check.transcript()).isZero();
    assertThat(check.out()).startsWith("dossier: ok:").contains("3600 s");
  }

  @Test
  void aFreshPendingTaskPassesAndAnOldOneFailsNamingTheArtifactAndItsAge() throws SQLException {
    world.queueFirstFeature();
    CliRun fresh = world.run("status", world.offline(), "--check");
    assertThat(fresh.exit()).as(fresh.transcript()).isZero();

    ageEveryTask(Duration.ofHours(2));
    CliRun old = world.run("status", world.offline(), "--check");
    assertThat(old.exit()).as(old.transcript()).isEqualTo(ExitCode.UNHEALTHY);
    assertThat(old.out().lines()).hasSize(1);
    assertThat(old.out())
        .contains("unhealthy: oldest pending", "047-check", "limit 3600 s")
        .containsPattern("has waited 7[0-9]{3} s");

    CliRun wider = world.run("status", world.offline(), "--check", "--max-age", "10800");
    assertThat(wider.exit()).as(wider.transcript()).isZero();
  }

  @Test
  void failureRecordsFailTheCheckWithTheirCount() {
    world.queueFirstFeature();
    try (QueueStore store = SqliteQueueStore.builder().path(world.db()).build()) {
      Instant now = Instant.now();
      List<ClaimedBody> claimed =
          store
              .bodies()
              .claim(
                  new ClaimRequest(
                      2, now, Duration.ofMinutes(1), "test", ProjectScope.all(), false));
      assertThat(claimed).hasSize(2);
      claimed.forEach(
          body -> store.bodies().settle(List.of(Settlement.fail(body, "http_400", now))));
    }
    CliRun check = world.run("status", world.offline(), "--check", "--max-age", "100000", "--json");
    assertThat(check.exit()).as(check.transcript()).isEqualTo(4);
    assertThat(check.json().get("healthy").asBoolean()).isFalse();
    assertThat(check.json().get("message").asText()).contains("2 failure records");
  }

  @Test
  void aNegativeMaxAgeIsBadUsage() {
    CliRun check = world.run("status", world.offline(), "--check", "--max-age", "-1");
    assertThat(check.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(check.err()).contains("--max-age must be 0 or more seconds");
  }

  private void ageEveryTask(Duration by) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + world.db());
        Statement s = c.createStatement()) {
      for (String table : List.of("event_queue", "body_queue")) {
        s.executeUpdate("UPDATE " + table + " SET created_at = created_at - " + by.toMillis());
      }
    }
  }
}
