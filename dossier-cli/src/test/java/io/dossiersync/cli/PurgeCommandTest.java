package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dossier purge}: says what it would delete, deletes only with {@code --yes}. */
class PurgeCommandTest {

  @TempDir Path dir;
  private CliWorld world;
  private List<String> db;

  @BeforeEach
  void queueTwoFeatures() {
    world = new CliWorld(dir, "047-body-sync", "048-second-feature");
    db = world.offline();
    CliRun sync = world.run("sync", db, "--no-drain", world.checkout().kittySpecs().toString());
    assertThat(sync.exit()).as(sync.transcript()).isZero();
  }

  @Test
  void withoutYesNothingIsDeleted() {
    long before = pendingBodies();

    CliRun purge = world.run("purge", db, "--feature", "047-body-sync", "--json");

    assertThat(purge.exit()).as(purge.transcript()).isZero();
    assertThat(purge.json().get("purged").get("bodies").asLong()).isZero();
    assertThat(purge.json().get("purged").get("events").asLong()).isZero();
    assertThat(purge.err()).contains("would purge").contains("--yes");
    assertThat(pendingBodies()).isEqualTo(before);
  }

  @Test
  void featureScopeDeletesOnlyThatFeature() {
    long before = pendingBodies();

    CliRun purge = world.run("purge", db, "--feature", "047-body-sync", "--yes", "--json");

    assertThat(purge.exit()).as(purge.transcript()).isZero();
    long purged = purge.json().get("purged").get("bodies").asLong();
    assertThat(purged).isPositive().isLessThan(before);
    assertThat(purge.json().get("purged").get("events").asLong()).isPositive();
    assertThat(pendingBodies()).isEqualTo(before - purged);
    CliRun status = world.run("status", db, "--json");
    assertThat(status.json().get("bodies").get("by_feature").has("047-body-sync")).isFalse();
  }

  @Test
  void projectScopeDeletesEverythingOfTheProject() {
    CliRun purge = world.run("purge", db, "--project", world.checkout().projectUuid(), "--yes");

    assertThat(purge.exit()).as(purge.transcript()).isZero();
    assertThat(purge.out()).startsWith("purged ");
    assertThat(pendingBodies()).isZero();
  }

  @Test
  void purgeNeedsAScope() {
    CliRun purge = world.run("purge", db, "--yes");

    assertThat(purge.exit()).isEqualTo(2);
    assertThat(pendingBodies()).isPositive();
  }

  private long pendingBodies() {
    return world.run("status", db, "--json").json().get("bodies").get("pending").asLong();
  }
}
