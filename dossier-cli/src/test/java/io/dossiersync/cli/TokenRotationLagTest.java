package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 point 2 through the CLI: the receiver rotates its token first and the token file follows
 * 0.5 to 2 s later, as a secret rotation does; the drain waits for the file (the refresh grace of
 * {@code TokenProvider.fromFile}) and delivers everything, exit 0.
 */
class TokenRotationLagTest {

  private static final String ROTATED = "tok-rotated-on-the-server-first";

  @TempDir Path dir;
  private CliWorld world;

  @BeforeEach
  void start() {
    world = new CliWorld(dir, "047-body-sync");
    world.startReceiver();
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @ParameterizedTest(name = "file lags by {0} ms, given by {1}")
  @CsvSource({"500, --token-file", "2000, DOSSIER_TOKEN_FILE"})
  void aDrainWaitsForTheFileToCatchUp(long lagMillis, String how) throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, CliWorld.TOKEN + "\n");
    world.queueFirstFeature();
    List<String> args = new ArrayList<>(List.of("drain"));
    args.addAll(world.online());
    args.addAll(List.of("--until-empty", "--max-time", "60", "--json"));
    Map<String, String> env = Map.of("DOSSIER_HOME", dir.resolve("home").toString());
    if (how.equals("--token-file")) {
      args.addAll(List.of("--token-file", tokenFile.toString()));
    } else {
      env =
          Map.of(
              "DOSSIER_HOME",
              dir.resolve("home").toString(),
              "DOSSIER_TOKEN_FILE",
              tokenFile.toString());
    }

    world.receiver().rotateToken(ROTATED);
    CompletableFuture<Void> fileFollows =
        CompletableFuture.runAsync(
            () -> {
              try {
                Thread.sleep(lagMillis);
                Path next = dir.resolve("token.next");
                Files.writeString(next, ROTATED + "\n");
                Files.move(next, tokenFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    CliRun drain = CliRun.of(env, args);
    fileFollows.join();

    assertThat(drain.exit()).as(drain.transcript()).isZero();
    assertThat(drain.json().get("pending").get("bodies").asLong()).isZero();
    assertThat(drain.json().get("pending").get("events").asLong()).isZero();
    assertThat(world.receiver().ledger().countByStatus(401)).isPositive();
    assertThat(world.receiver().ledger().storedBodies()).isNotEmpty();
    assertThat(drain.err()).doesNotContain(ROTATED).doesNotContain(CliWorld.TOKEN);
  }
}
