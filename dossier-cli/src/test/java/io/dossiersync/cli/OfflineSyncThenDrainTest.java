package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncing without a reachable receiver queues everything; a later drain delivers it once. */
class OfflineSyncThenDrainTest {

  @TempDir Path dir;
  private CliWorld world;

  @BeforeEach
  void create() {
    world = new CliWorld(dir, "047-body-sync");
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void noDrainQueuesEveryEligibleBodyThenDrainDeliversThemOnce() {
    CliRun sync = world.syncNoDrain("--json", world.feature(0).dir().toString());

    assertThat(sync.exit()).as(sync.transcript()).isZero();
    long queued = countStatus(sync.json(), "queued");
    assertThat(queued).isPositive();
    assertThat(sync.json().get("pending").get("bodies").asLong()).isEqualTo(queued);
    long events = sync.json().get("events_emitted").asLong();
    assertThat(sync.json().get("pending").get("events").asLong()).isEqualTo(events);

    CliRun status = world.run("status", world.offline(), "--json");
    assertThat(status.exit()).as(status.transcript()).isZero();
    JsonNode stats = status.json();
    assertThat(SyncOnlineTest.fieldNames(stats))
        .containsExactlyInAnyOrder("db", "events", "bodies", "failures", "health");
    assertThat(stats.get("db").asText()).isEqualTo(world.db().toString());
    assertThat(stats.get("events").get("pending").asLong()).isEqualTo(events);
    assertThat(stats.get("events").get("ready").asLong()).isEqualTo(events);
    assertThat(stats.get("bodies").get("pending").asLong()).isEqualTo(queued);
    assertThat(stats.get("bodies").get("in_backoff").asLong()).isZero();
    assertThat(stats.get("bodies").get("oldest_age_seconds").isNumber()).isTrue();
    assertThat(stats.get("bodies").get("retry_histogram").get("0").asLong()).isEqualTo(queued);
    assertThat(stats.get("bodies").get("by_feature").get("047-body-sync").asLong())
        .isEqualTo(queued);

    world.startReceiver();
    CliRun drain = world.run("drain", world.online(), "--json");

    assertThat(drain.exit()).as(drain.transcript()).isZero();
    JsonNode report = drain.json();
    assertThat(SyncOnlineTest.fieldNames(report))
        .containsExactlyInAnyOrder("projects", "events", "bodies", "pending", "failures");
    assertThat(report.get("projects").get(0).asText()).isEqualTo(world.checkout().projectUuid());
    assertThat(report.get("events").get("sent").asLong()).isEqualTo(events);
    assertThat(report.get("bodies").get("uploaded").asLong()).isEqualTo(queued);
    assertThat(report.get("bodies").get("already_exists").asLong()).isZero();
    assertThat(report.get("pending").get("bodies").asLong()).isZero();
    assertThat(world.receiver().ledger().storedBodies()).hasSize((int) queued);
    assertThat(world.receiver().ledger().duplicateStores()).isEmpty();
    assertThat(drain.err()).contains("sending projects: " + world.checkout().projectUuid());
  }

  @Test
  void unreachableServerLeavesEverythingQueuedAndDrainUntilEmptyFinishesLater() {
    CliRun sync =
        world.run("sync", world.unreachable(), "--json", world.feature(0).dir().toString());

    assertThat(sync.exit()).as(sync.transcript()).isZero();
    long queued = countStatus(sync.json(), "queued");
    assertThat(queued).isPositive();
    assertThat(countStatus(sync.json(), "failed")).isZero();
    assertThat(sync.err())
        .contains("dossier: cannot reach the receiver at http://127.0.0.1:")
        .contains("connection_error")
        .contains("dossier drain");

    world.startReceiver();
    CliRun drain =
        world.run("drain", world.online(), "--until-empty", "--max-time", "60", "--json");

    assertThat(drain.exit()).as(drain.transcript()).isZero();
    assertThat(drain.json().get("pending").get("bodies").asLong()).isZero();
    assertThat(drain.json().get("pending").get("events").asLong()).isZero();
    assertThat(world.receiver().ledger().storedBodies()).hasSize((int) queued);
  }

  @Test
  void drainUntilEmptyThatRunsOutOfTimeExitsThree() {
    world.queueFirstFeature();

    CliRun drain =
        world.run("drain", world.unreachable(), "--until-empty", "--max-time", "0", "--json");

    assertThat(drain.exit()).as(drain.transcript()).isEqualTo(3);
    assertThat(drain.json().get("pending").get("bodies").asLong()).isPositive();
  }

  @Test
  void drainWithoutAServerIsBadUsage() {
    CliRun drain = world.run("drain", world.offline());

    assertThat(drain.exit()).isEqualTo(2);
    assertThat(drain.err()).contains("--server");
  }

  static long countStatus(JsonNode doc, String status) {
    long n = 0;
    for (JsonNode artifact : doc.get("artifacts")) {
      if (artifact.get("status").asText().equals(status)) {
        n++;
      }
    }
    return n;
  }
}
