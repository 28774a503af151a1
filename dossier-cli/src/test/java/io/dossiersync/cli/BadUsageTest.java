package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad usage and invalid input: exit 2, one clear line on stderr naming what is wrong, no stack
 * trace, and nothing queued, even when good feature directories come before the bad one.
 */
class BadUsageTest {

  @TempDir Path dir;
  private CliWorld world;

  @BeforeEach
  void create() {
    world = new CliWorld(dir, "047-body-sync");
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(
            "missing directory",
            "no such directory",
            w -> sync(w, w.feature(0).dir().resolveSibling("999-nowhere").toString())),
        bad(
            "good then missing directory",
            "999-nowhere",
            w ->
                sync(
                    w,
                    w.feature(0).dir().toString(),
                    w.feature(0).dir().resolveSibling("999-nowhere").toString())),
        bad(
            "invalid project uuid flag",
            "project_uuid",
            w -> sync(w, "--project-uuid", "not-a-uuid", w.feature(0).dir().toString())),
        bad(
            "invalid feature slug in directory name",
            "feature_slug",
            w -> sync(w, w.makeFeatureNamed("Bad Slug!"))),
        bad("unparsable meta.json", "meta.json", w -> sync(w, w.writeMeta("{ not json"))),
        bad(
            "meta.json without target_branch",
            "target_branch",
            w -> sync(w, w.writeMeta("{\"mission_type\": \"software-dev\"}"))),
        bad(
            "meta.json with a number for target_branch",
            "target_branch",
            w -> sync(w, w.writeMeta("{\"target_branch\": 42}"))),
        bad(
            "unknown option",
            "--frobnicate",
            w -> sync(w, "--frobnicate", w.feature(0).dir().toString())),
        bad("no feature directory", "FEATURE_DIR", w -> sync(w)),
        bad(
            "zero queue size",
            "--max-queue-size",
            w -> sync(w, "--max-queue-size", "0", w.feature(0).dir().toString())),
        bad(
            "server with an unsupported scheme",
            "--server",
            w -> sync(w, "--server", "ftp://example.com", w.feature(0).dir().toString())),
        bad(
            "unreadable token file",
            "--token-file",
            w ->
                sync(
                    w,
                    "--server",
                    "http://127.0.0.1:9",
                    "--token-file",
                    w.feature(0).dir().resolve("no-such-token").toString(),
                    w.feature(0).dir().toString())),
        bad(
            "token file is /dev/zero",
            "/dev/zero: not a regular file",
            w ->
                sync(
                    w,
                    "--server",
                    "http://127.0.0.1:9",
                    "--token-file",
                    "/dev/zero",
                    w.feature(0).dir().toString())),
        bad(
            "token file is a FIFO",
            "not a regular file",
            w ->
                sync(
                    w,
                    "--server",
                    "http://127.0.0.1:9",
                    "--token-file",
                    w.fifo(),
                    w.feature(0).dir().toString())),
        bad(
            "plain http to a remote host",
            "--insecure-http",
            w -> sync(w, "--server", "http://receiver.example.org", w.feature(0).dir().toString())),
        bad(
            "user info in the server URL is never printed",
            "***@",
            w ->
                sync(
                    w,
                    "--server",
                    "https://alice:s3cret@receiver.example.org",
                    w.feature(0).dir().toString())),
        bad(
            "negative max time",
            "--max-time",
            w -> List.of("drain", "--db", w.db().toString(), "--max-time", "-1")),
        bad(
            "requeue without ids or --all",
            "--all",
            w -> List.of("requeue", "--db", w.db().toString())),
        bad("unknown command", "sink", w -> List.of("sink")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsTwoWithOneClearLineAndQueuesNothing(
      String name, String mentioned, Function<BadUsageTest, List<String>> args) throws IOException {
    CliRun run = CliRun.of(world.env(), args.apply(this));

    assertThat(run.exit()).as(run.transcript()).isEqualTo(2);
    assertThat(run.out()).as(run.transcript()).isEmpty();
    assertThat(run.err())
        .as(run.transcript())
        .startsWith("dossier: ")
        .contains(mentioned)
        .doesNotContain("Exception", "\tat ", "s3cret");
    assertNothingQueued();
  }

  private void assertNothingQueued() {
    if (Files.exists(world.db())) {
      CliRun status = world.run("status", world.offline(), "--json");
      assertThat(status.json().get("events").get("pending").asLong()).isZero();
      assertThat(status.json().get("bodies").get("pending").asLong()).isZero();
    }
  }

  private static Arguments bad(
      String name, String mentioned, Function<BadUsageTest, List<String>> args) {
    return Arguments.of(name, mentioned, args);
  }

  private static List<String> sync(BadUsageTest test, String... more) {
    List<String> args =
        new ArrayList<>(List.of("sync", "--no-drain", "--db", test.db().toString()));
    args.addAll(List.of(more));
    return args;
  }

  private io.dossiersync.testkit.fixture.FeatureFixture feature(int index) {
    return world.feature(index);
  }

  private Path db() {
    return world.db();
  }

  /** A named pipe in the test directory: a token file that would block a naive reader. */
  private String fifo() {
    Path fifo = dir.resolve("token.fifo");
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
      if (mkfifo.waitFor() != 0) {
        throw new IllegalStateException("mkfifo failed");
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return fifo.toString();
  }

  /** A feature directory in the checkout whose {@code meta.json} holds {@code text}. */
  private String writeMeta(String text) {
    Path feature = world.checkout().kittySpecs().resolve("050-broken-meta");
    try {
      Files.createDirectories(feature);
      Files.writeString(feature.resolve("meta.json"), text, StandardCharsets.UTF_8);
      Files.writeString(feature.resolve("spec.md"), "# spec\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return feature.toString();
  }

  /** A feature directory with a valid {@code meta.json} under an invalid slug. */
  private String makeFeatureNamed(String name) {
    Path feature = world.checkout().kittySpecs().resolve(name);
    try {
      Files.createDirectories(feature);
      Files.writeString(
          feature.resolve("meta.json"), "{\"target_branch\": \"main\"}", StandardCharsets.UTF_8);
      Files.writeString(feature.resolve("spec.md"), "# spec\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return feature.toString();
  }
}
