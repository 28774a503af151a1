package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queue file that is not a SQLite database: exit 1, one line naming it, file untouched. */
class UnusableQueueFileTest {

  @TempDir Path dir;

  @Test
  void corruptQueueFileExitsOneWithoutTouchingIt() throws IOException {
    Path db = dir.resolve("queue.db");
    byte[] garbage =
        "this is not a database, it is a note someone saved here\n"
            .repeat(100)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(db, garbage);

    for (List<String> args :
        List.of(
            List.of("status"),
            List.of("failures"),
            List.of("drain", "--server", "http://127.0.0.1:9"))) {
      CliRun run = CliRun.of(Map.of(), CliRun.args(args, "--db", db.toString()));

      assertThat(run.exit()).as(run.transcript()).isEqualTo(1);
      assertThat(run.err().lines()).as(run.transcript()).hasSize(1);
      assertThat(run.err()).startsWith("dossier: ").contains(db.toString()).doesNotContain("\tat ");
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
  }

  @Test
  void syncIntoACorruptQueueFileQueuesNothingAndSaysSo() throws IOException {
    CliWorld world = new CliWorld(dir, "047-body-sync");
    Files.writeString(world.db(), "garbage".repeat(1000));

    CliRun run = world.run("sync", world.offline(), world.feature(0).dir().toString());

    assertThat(run.exit()).as(run.transcript()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(world.db().toString()).doesNotContain("\tat ");
  }
}
