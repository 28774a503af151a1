package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long runs show progress on stderr, never on stdout (so {@code --json} stays one document). */
class ProgressTest {

  @TempDir Path dir;

  @Test
  void aFeatureWithHundredsOfFilesIsReportedOnStderr() throws IOException {
    CliWorld world = new CliWorld(dir, "047-big-feature");
    Path tasks = world.feature(0).dir().resolve("tasks");
    Files.createDirectories(tasks);
    for (int i = 0; i < 150; i++) {
      Files.writeString(tasks.resolve(String.format("WP%03d.md", i)), "# WP " + i + "\n");
    }

    CliRun run = world.syncNoDrain("--json", world.feature(0).dir().toString());

    assertThat(run.exit()).as(run.transcript()).isZero();
    assertThat(run.err()).containsPattern("\\[1/1\\] 047-big-feature: \\d{3} artifacts");
    assertThat(run.json().get("artifacts").size()).isGreaterThan(150);
  }

  @Test
  void severalFeaturesAreCountedOnStderr() {
    CliWorld world = new CliWorld(dir, "047-one", "048-two", "049-three");

    CliRun run = world.syncNoDrain("--json", world.checkout().kittySpecs().toString());

    assertThat(run.exit()).as(run.transcript()).isZero();
    assertThat(run.err()).contains("[1/3] 047-one", "[2/3] 048-two", "[3/3] 049-three");
    assertThat(run.json().get("features")).hasSize(3);
  }
}
