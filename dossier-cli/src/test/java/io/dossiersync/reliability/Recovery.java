package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /** The same, answering every request only after {@code delay}. */
  static ReferenceReceiver slowReceiver(Duration delay) {
    return ReferenceReceiver.builder().token(TOKEN).responseDelay(delay).start();
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
   * {@code dossier sync FEATURES --no-drain --db DB} in-process, printing its table (not JSON);
   * whatever its end.
   */
  static CliRun syncNoDrainTable(Path features, Path db) {
    return CliRun.inProcess(
        env(), "sync", features.toString(), "--no-drain", "--db", db.toString());
  }

  /**
   * {@code dossier sync FEATURES --json --db DB --server URL} (with its one drain), in-process;
   * must succeed.
   */
  static JsonNode syncOnline(Path features, Path db, ReferenceReceiver receiver) {
    CliRun sync =
        CliRun.inProcess(
            env(),
            "sync",
            features.toString(),
            "--json",
            "--db",
            db.toString(),
            "--server",
            receiver.baseUri().toString());
    assertThat(sync.exitCode()).as("sync: %s", sync).isZero();
    return sync.json();
  }

  /**
   * The final sync (with its one drain) and {@code drain --until-empty}, in-process, both
   * succeeding and leaving nothing pending and no failure record.
   *
   * @return the drain's JSON document
   */
  static JsonNode syncAndDrainToTheEnd(Path features, Path db, ReferenceReceiver receiver) {
    syncOnline(features, db, receiver);
    return drainToTheEnd(db, receiver, 120);
  }

  /**
   * {@code dossier drain --until-empty --max-time SECONDS --json}, in-process, whatever its end.
   */
  static CliRun drainUntilEmpty(Path db, ReferenceReceiver receiver, long maxTimeSeconds) {
    return CliRun.inProcess(env(), drainUntilEmptyArgs(db, receiver, maxTimeSeconds));
  }

  /**
   * The command line {@code drain --until-empty --max-time SECONDS --json --db DB --server URL},
   * for a run in this JVM or in a child.
   */
  static String[] drainUntilEmptyArgs(Path db, ReferenceReceiver receiver, long maxTimeSeconds) {
    return new String[] {
      "drain",
      "--until-empty",
      "--max-time",
      String.valueOf(maxTimeSeconds),
      "--json",
      "--db",
      db.toString(),
      "--server",
      receiver.baseUri().toString()
    };
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
    CliRun drain = drainUntilEmpty(db, receiver, maxTimeSeconds);
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

  /** {@code kind path reason} of each failure record, through {@code dossier failures}. */
  static List<String> failureRecords(Path db) {
    CliRun run = CliRun.inProcess(env(), "failures", "--json", "--db", db.toString());
    List<String> lines = new ArrayList<>();
    run.json()
        .get("failures")
        .forEach(
            f ->
                lines.add(
                    f.get("kind").asText()
                        + " "
                        + f.get("artifact_path").asText()
                        + " "
                        + f.get("reason").asText()));
    return lines;
  }
}
