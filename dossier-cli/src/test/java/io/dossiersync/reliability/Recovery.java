package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.file.Path;
import java.util.Map;

/**
 * The steps every kill round shares: the environment and receiver of the suite, and the final
 * {@code dossier sync} + {@code dossier drain --until-empty} that must bring the receiver to the
 * expected state after a crash.
 */
final class Recovery {

  /** The bearer token of the suite's receivers (never a real one). */
  static final String TOKEN = "reliability-token";

  private Recovery() {}

  /** The environment the CLI runs with: the token variable only. */
  static Map<String, String> env() {
    return Map.of("DOSSIER_TOKEN", TOKEN);
  }

  /** A reference receiver on a free loopback port that requires {@link #TOKEN}. */
  static ReferenceReceiver receiver() {
    return ReferenceReceiver.builder().token(TOKEN).start();
  }

  /** {@code dossier sync FEATURES --no-drain --json --db DB}, in-process; must succeed. */
  static JsonNode syncNoDrain(Path features, Path db) {
    CliRun run =
        CliRun.inProcess(
            env(), "sync", features.toString(), "--no-drain", "--json", "--db", db.toString());
    assertThat(run.exitCode()).as("sync --no-drain: %s", run).isZero();
    return run.json();
  }

  /**
   * The final sync (with its one drain) and {@code drain --until-empty}, in-process, both
   * succeeding and leaving nothing pending and no failure record.
   *
   * @return the drain's JSON document
   */
  static JsonNode syncAndDrainToTheEnd(Path features, Path db, ReferenceReceiver receiver) {
    String server = receiver.baseUri().toString();
    CliRun sync =
        CliRun.inProcess(
            env(),
            "sync",
            features.toString(),
            "--json",
            "--db",
            db.toString(),
            "--server",
            server);
    assertThat(sync.exitCode()).as("final sync: %s", sync).isZero();
    return drainToTheEnd(db, receiver, 120);
  }

  private static String describe(Path db) {
    try {
      return new QueueFile(db).describeBodies();
    } catch (java.sql.SQLException e) {
      return "cannot read the queue: " + e;
    }
  }

  /** {@code dossier drain --until-empty} in-process; it must empty the queue without failures. */
  static JsonNode drainToTheEnd(Path db, ReferenceReceiver receiver, long maxTimeSeconds) {
    CliRun drain =
        CliRun.inProcess(
            env(),
            "drain",
            "--until-empty",
            "--max-time",
            String.valueOf(maxTimeSeconds),
            "--json",
            "--db",
            db.toString(),
            "--server",
            receiver.baseUri().toString());
    if (drain.exitCode() != 0) {
      throw new AssertionError(
          "final drain: "
              + drain
              + "\n--- body queue at "
              + System.currentTimeMillis()
              + "\n"
              + describe(db));
    }
    JsonNode json = drain.json();
    assertThat(json.at("/pending/events").asLong()).as("events pending after the drain").isZero();
    assertThat(json.at("/pending/bodies").asLong()).as("bodies pending after the drain").isZero();
    assertThat(json.get("failures").asLong()).as("failure records").isZero();
    return json;
  }
}
