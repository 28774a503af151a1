package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dossier watch}'s checked inputs: each bad one exits 2 with a message, before anything
 * runs.
 */
class WatchCommandTest {

  @TempDir Path dir;

  @Test
  void outOfRangeOptionsAndMissingDirectoriesAreBadUsage() {
    try (CliWorld world = new CliWorld(dir, "047-watch")) {
      String feature = world.feature(0).dir().toString();
      List<String> db = world.offline();
      assertUsage(
          world.run("watch", db, "--debounce-ms", "-1", feature),
          "--debounce-ms must be between 0 and 600000");
      assertUsage(
          world.run("watch", db, "--rescan-seconds", "0", feature),
          "--rescan-seconds must be between 1 and 86400");
      assertUsage(
          world.run("watch", db, "--concurrency", "65", feature),
          "--concurrency must be a whole number from 1 to 64");
      assertUsage(world.run("watch", db, dir.resolve("missing").toString()), "no such directory");
    }
  }

  @Test
  void helpNamesTheOptionsAndHowToStop() {
    CliRun help = CliRun.of(java.util.Map.of(), "watch", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains(
            "--debounce-ms",
            "--rescan-seconds",
            "--concurrency",
            "SIGTERM",
            "dossier watch kitty-specs");
  }

  private static void assertUsage(CliRun run, String message) {
    assertThat(run.exit()).as(run.transcript()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(message);
  }
}
