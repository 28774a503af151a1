package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token never appears on stdout or stderr (logs included, {@code --verbose} included), not when
 * it is accepted, not when it is rejected, not when it comes from a file.
 */
class TokenNeverPrintedTest {

  @TempDir Path dir;
  private CliWorld world;
  private final List<CliRun> runs = new ArrayList<>();

  @BeforeEach
  void start() {
    world = new CliWorld(dir, "047-body-sync");
    world.startReceiver();
  }

  @AfterEach
  void noRunPrintedTheToken() {
    world.close();
    assertThat(runs)
        .isNotEmpty()
        .allSatisfy(
            run -> {
              assertThat(run.out()).doesNotContain(CliWorld.TOKEN).doesNotContain("Bearer ");
              assertThat(run.err()).doesNotContain(CliWorld.TOKEN).doesNotContain("Bearer ");
            });
  }

  @Test
  void acceptedTokenFromTheEnvironmentWithVerboseLogs() {
    CliRun sync =
        record(world.run("sync", world.online(), "--verbose", world.feature(0).dir().toString()));

    assertThat(sync.exit()).as(sync.transcript()).isZero();
    assertThat(sync.err()).as("verbose logs reach stderr").contains("DEBUG");
    record(world.run("status", world.online(), "--verbose"));
    record(world.run("failures", world.online(), "--verbose", "--json"));
  }

  @Test
  void rejectedTokenExitsOneAndSaysWhatToDo() {
    world.receiver().rotateToken("tok-the-receiver-wants-another-one");

    CliRun sync =
        record(world.run("sync", world.online(), "--verbose", world.feature(0).dir().toString()));

    assertThat(sync.exit()).as(sync.transcript()).isEqualTo(1);
    assertThat(sync.err()).contains("401").contains("DOSSIER_TOKEN");
    long rejectedBefore = world.receiver().ledger().countByStatus(401);
    CliRun drain =
        record(
            world.run(
                "drain",
                world.online(),
                "--verbose",
                "--json",
                "--until-empty",
                "--max-time",
                "60"));
    assertThat(drain.exit()).as(drain.transcript()).isEqualTo(1);
    assertThat(drain.json().get("pending").get("bodies").asLong()).isPositive();
    assertThat(world.receiver().ledger().countByStatus(401) - rejectedBefore)
        .as("a rejected token ends the drain at once, without spinning")
        .isBetween(1L, 2L);
    JsonNode status = world.run("status", world.online(), "--json").json();
    assertThat(status.get("bodies").get("retry_histogram").get("0").asLong())
        .as("no retry counted for a rejected token")
        .isEqualTo(status.get("bodies").get("pending").asLong());
  }

  @Test
  void tokenFromAFileIsRereadAfterA401() throws IOException {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "tok-stale-one\n");
    world.queueFirstFeature();
    List<String> options = new ArrayList<>(world.online());
    options.addAll(List.of("--token-file", tokenFile.toString(), "--verbose", "--json"));

    CliRun stale =
        record(CliRun.of(Map.of(), CliRun.args(List.of("drain"), options.toArray(String[]::new))));
    assertThat(stale.exit()).as(stale.transcript()).isEqualTo(1);
    assertThat(stale.err()).doesNotContain("tok-stale-one");

    Files.writeString(tokenFile, "  " + CliWorld.TOKEN + "  \n");
    CliRun fresh =
        record(CliRun.of(Map.of(), CliRun.args(List.of("drain"), options.toArray(String[]::new))));
    assertThat(fresh.exit()).as(fresh.transcript()).isZero();
    assertThat(fresh.json().get("pending").get("bodies").asLong()).isZero();
  }

  private CliRun record(CliRun run) {
    runs.add(run);
    return run;
  }
}
