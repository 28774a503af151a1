package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dossier watch} in this JVM (the child-process tests tell the same story from outside): the
 * first sync is delivered by the background drain, an edit is delivered as a new body, and SIGINT
 * (the handler the command installs) stops it with exit 0 and the promise on stderr.
 */
class WatchInProcessTest {

  @TempDir Path dir;
  private CliWorld world;

  @BeforeEach
  void start() {
    world = new CliWorld(dir, "047-watched");
    world.startReceiver();
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void deliversTheFirstSyncAndAnEditThenStopsOnSigint() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/kill")), "needs /bin/kill to send SIGINT");
    Path feature = world.feature(0).dir();
    CompletableFuture<CliRun> watch =
        CompletableFuture.supplyAsync(
            () ->
                world.run(
                    "watch",
                    world.online(),
                    "--json",
                    "--debounce-ms",
                    "100",
                    "--rescan-seconds",
                    "2",
                    feature.toString()));
    await("the first sync delivered", () -> !world.receiver().ledger().storedBodies().isEmpty());
    Files.writeString(feature.resolve("spec.md"), "# Watched\n\nedited while watched\n");
    await(
        "the edit delivered",
        () ->
            world.receiver().ledger().storedBodies().values().stream()
                .anyMatch(body -> body.contains("edited while watched")));

    new ProcessBuilder("/bin/kill", "-INT", String.valueOf(ProcessHandle.current().pid()))
        .inheritIO()
        .start()
        .waitFor(10, TimeUnit.SECONDS);
    CliRun run = watch.get(30, TimeUnit.SECONDS);

    assertThat(run.exit()).as(run.transcript()).isZero();
    assertThat(run.err())
        .contains("stopping (SIGINT)")
        .contains("every task is delivered or queued");
    assertThat(run.out()).contains("\"feature\"");
    assertThat(world.receiver().ledger().storedBodies().values())
        .anyMatch(body -> body.contains("edited while watched"));
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within 60 s", what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
