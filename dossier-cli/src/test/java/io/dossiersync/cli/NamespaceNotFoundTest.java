package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver that does not know the project answers {@code namespace_not_found}: the sync exits 1,
 * the bodies become failure records, and {@code requeue} brings them back once it does.
 */
class NamespaceNotFoundTest {

  @TempDir Path dir;
  private CliWorld world;

  @BeforeEach
  void start() {
    world = new CliWorld(dir, "047-body-sync");
    world.startReceiver(b -> b.acceptAnyProject(false));
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void syncExitsOneAndListsTheFailures() {
    CliRun sync = world.run("sync", world.online(), "--json", world.feature(0).dir().toString());

    assertThat(sync.exit()).as(sync.transcript()).isEqualTo(1);
    long failed = 0;
    for (JsonNode artifact : sync.json().get("artifacts")) {
      if (artifact.get("status").asText().equals("failed")) {
        // The receiver refuses the index events of an unregistered project, so each body follows
        // its index event to the failure records unsent (PRODUCT.md §4.2).
        assertThat(artifact.get("reason").asText()).isEqualTo("index_event_failed");
        failed++;
      } else {
        assertThat(artifact.get("status").asText()).isEqualTo("skipped");
      }
    }
    assertThat(failed).isPositive();
    assertThat(sync.json().get("failures").asLong()).isGreaterThanOrEqualTo(failed);
    assertThat(world.receiver().ledger().storedBodies()).isEmpty();

    CliRun failures = world.run("failures", world.online(), "--json");
    assertThat(failures.exit()).as(failures.transcript()).isZero();
    List<JsonNode> bodies = new java.util.ArrayList<>();
    failures
        .json()
        .get("failures")
        .forEach(
            record -> {
              assertThat(SyncOnlineTest.fieldNames(record))
                  .containsExactlyInAnyOrder(
                      "id",
                      "kind",
                      "project_uuid",
                      "feature_slug",
                      "artifact_path",
                      "content_hash",
                      "reason",
                      "attempts",
                      "first_failed_at",
                      "last_failed_at");
              if (record.get("kind").asText().equals("body")) {
                bodies.add(record);
              }
            });
    assertThat(bodies)
        .hasSize((int) failed)
        .allSatisfy(
            record -> {
              assertThat(record.get("reason").asText()).isEqualTo("index_event_failed");
              assertThat(record.get("project_uuid").asText())
                  .isEqualTo(world.checkout().projectUuid());
              assertThat(record.get("feature_slug").asText()).isEqualTo("047-body-sync");
              assertThat(record.get("attempts").asInt()).isEqualTo(1);
              assertThat(record.get("content_hash").asText()).hasSize(64);
            });

    CliRun table = world.run("sync", world.online(), world.feature(0).dir().toString());
    assertThat(table.exit()).isEqualTo(1);
    assertThat(table.out()).containsPattern("spec\\.md\\s+failed\\s+index_event_failed");
  }

  @Test
  void requeueAfterTheProjectIsRegisteredDeliversEverything() {
    CliRun sync = world.run("sync", world.online(), "--json", world.feature(0).dir().toString());
    long failures = sync.json().get("failures").asLong();
    world.receiver().registerProject(world.checkout().projectUuid());

    CliRun requeue = world.run("requeue", world.online(), "--all", "--json");
    assertThat(requeue.exit()).as(requeue.transcript()).isZero();
    assertThat(requeue.json().get("requeued").asLong()).isEqualTo(failures);

    CliRun drain =
        world.run("drain", world.online(), "--until-empty", "--max-time", "30", "--json");
    assertThat(drain.exit()).as(drain.transcript()).isZero();
    assertThat(drain.json().get("failures").asLong()).isZero();
    assertThat(world.receiver().ledger().storedBodies())
        .hasSize((int) OfflineSyncThenDrainTest.countStatus(sync.json(), "failed"));
  }

  @Test
  void requeueOfOneRecordById() {
    world.run("sync", world.online(), world.feature(0).dir().toString());
    JsonNode all = world.run("failures", world.online(), "--json").json().get("failures");
    JsonNode first = all.get(0);
    long followers = 0;
    for (JsonNode record : all) {
      if (record.get("kind").asText().equals("body")
          && record.get("reason").asText().equals("index_event_failed")
          && first.get("kind").asText().equals("event")
          && record.get("artifact_path").equals(first.get("artifact_path"))
          && record.get("content_hash").equals(first.get("content_hash"))) {
        followers++;
      }
    }

    CliRun requeue = world.run("requeue", world.online(), "--json", first.get("id").asText());

    assertThat(requeue.exit()).as(requeue.transcript()).isZero();
    // An index event's record brings back the bodies that followed it (index_event_failed).
    assertThat(requeue.json().get("requeued").asLong()).isEqualTo(1 + followers);
    JsonNode status = world.run("status", world.online(), "--json").json();
    long pending =
        status.get("events").get("pending").asLong() + status.get("bodies").get("pending").asLong();
    assertThat(pending).isEqualTo(1 + followers);
  }
}
