package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dossier sync} with the receiver up: every eligible body delivered in the same run. */
class SyncOnlineTest {

  @TempDir Path dir;
  private CliWorld world;

  @BeforeEach
  void start() {
    world = new CliWorld(dir, "047-body-sync", "048-second-feature");
    world.startReceiver();
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void jsonDocumentHasExactlyTheShapeOfTheContract() {
    FeatureFixture feature = world.feature(0);
    CliRun run = world.run("sync", world.online(), "--json", feature.dir().toString());

    assertThat(run.exit()).as(run.transcript()).isZero();
    JsonNode doc = run.json();
    assertThat(fieldNames(doc))
        .containsExactlyInAnyOrder(
            "namespace", "events_emitted", "artifacts", "pending", "failures");
    JsonNode namespace = doc.get("namespace");
    assertThat(fieldNames(namespace))
        .containsExactlyInAnyOrder(
            "project_uuid", "feature_slug", "target_branch", "mission_key", "manifest_version");
    assertThat(namespace.get("project_uuid").asText()).isEqualTo(world.checkout().projectUuid());
    assertThat(namespace.get("feature_slug").asText()).isEqualTo("047-body-sync");
    assertThat(namespace.get("target_branch").asText()).isEqualTo("main");
    assertThat(namespace.get("mission_key").asText()).isEqualTo("software-dev");
    assertThat(namespace.get("manifest_version").asText()).isEqualTo("1");
    assertThat(doc.get("events_emitted").asLong())
        .isPositive()
        .isEqualTo(world.receiver().ledger().eventsReceived().size());
    assertThat(doc.get("pending").get("events").asLong()).isZero();
    assertThat(doc.get("pending").get("bodies").asLong()).isZero();
    assertThat(fieldNames(doc.get("pending"))).containsExactlyInAnyOrder("events", "bodies");
    assertThat(doc.get("failures").asLong()).isZero();

    NamespaceRef ns =
        new NamespaceRef(
            world.checkout().projectUuid(), "047-body-sync", "main", "software-dev", "1");
    Set<BodyKey> uploaded = new HashSet<>();
    for (JsonNode artifact : doc.get("artifacts")) {
      assertThat(fieldNames(artifact))
          .containsExactlyInAnyOrder("artifact_path", "status", "reason", "content_hash");
      String path = artifact.get("artifact_path").asText();
      String status = artifact.get("status").asText();
      assertThat(status).as(path).isIn("uploaded", "skipped");
      if (status.equals("uploaded")) {
        assertThat(artifact.get("reason").isNull()).as(path).isTrue();
        assertThat(artifact.get("content_hash").asText()).isEqualTo(feature.sha256(path));
        uploaded.add(new BodyKey(ns, path, feature.sha256(path)));
      } else {
        assertThat(artifact.get("reason").asText()).as(path).isNotBlank();
      }
    }
    assertThat(uploaded).isNotEmpty();
    assertThat(world.receiver().ledger().storedBodies().keySet()).isEqualTo(uploaded);
  }

  @Test
  void tableHasOneRowPerArtifactAndASummaryLine() {
    FeatureFixture feature = world.feature(0);
    CliRun json = world.run("sync", world.online(), "--json", feature.dir().toString());
    CliRun table = world.run("sync", world.online(), feature.dir().toString());

    assertThat(table.exit()).as(table.transcript()).isZero();
    String[] lines = table.out().split("\n");
    assertThat(lines[0]).matches("PATH\\s+STATUS\\s+REASON\\s*");
    int artifacts = json.json().get("artifacts").size();
    assertThat(lines).hasSize(artifacts + 2);
    assertThat(lines[lines.length - 1])
        .startsWith(artifacts + " artifacts: ")
        .contains("0 uploaded", "already_exists", "0 failed");
    assertThat(table.out()).contains("spec.md").contains("already_exists");
  }

  @Test
  void secondSyncOfTheSameFilesIsAlreadyExistsAndStoresNothingTwice() {
    FeatureFixture feature = world.feature(0);
    world.run("sync", world.online(), "--json", feature.dir().toString());
    CliRun again = world.run("sync", world.online(), "--json", feature.dir().toString());

    assertThat(again.exit()).as(again.transcript()).isZero();
    for (JsonNode artifact : again.json().get("artifacts")) {
      assertThat(artifact.get("status").asText()).isIn("already_exists", "skipped");
    }
    assertThat(world.receiver().ledger().duplicateStores()).isEmpty();
  }

  @Test
  void kittySpecsDirectoryMeansEveryFeatureInIt() {
    CliRun run =
        world.run("sync", world.online(), "--json", world.checkout().kittySpecs().toString());

    assertThat(run.exit()).as(run.transcript()).isZero();
    JsonNode doc = run.json();
    assertThat(fieldNames(doc)).containsExactlyInAnyOrder("features", "pending", "failures");
    assertThat(doc.get("features")).hasSize(2);
    assertThat(doc.get("features").get(0).get("namespace").get("feature_slug").asText())
        .isEqualTo("047-body-sync");
    assertThat(doc.get("features").get(1).get("namespace").get("feature_slug").asText())
        .isEqualTo("048-second-feature");
    for (JsonNode feature : doc.get("features")) {
      assertThat(fieldNames(feature))
          .containsExactlyInAnyOrder("namespace", "events_emitted", "artifacts");
    }
    assertThat(run.err()).contains("2/2");
  }

  @Test
  void namespaceFlagsOverrideWhatTheCheckoutSays() {
    String other = "0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b";
    CliRun run =
        world.run(
            "sync",
            world.online(),
            "--json",
            "--project-uuid",
            other,
            "--target-branch",
            "release-2",
            world.feature(0).dir().toString());

    assertThat(run.exit()).as(run.transcript()).isZero();
    JsonNode namespace = run.json().get("namespace");
    assertThat(namespace.get("project_uuid").asText()).isEqualTo(other);
    assertThat(namespace.get("target_branch").asText()).isEqualTo("release-2");
    assertThat(world.receiver().ledger().storedBodies().keySet())
        .allSatisfy(key -> assertThat(key.namespace().projectUuid()).isEqualTo(other));
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
