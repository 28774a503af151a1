package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.FeatureDirs;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Namespaces are never mixed: three checkouts hold a feature of the same slug with the same files
 * (so the same paths and hashes), differing only in project (A, B) or target branch (A on {@code
 * main} and {@code develop}). One sync queues all three in one file; {@code drain --project A}
 * sends A's two namespaces and nothing of B; a plain drain then sends B. The receiver ends with
 * three copies of every body, each under its own namespace, each stored once.
 */
class NamespaceIsolationTest {

  private static final String PROJECT_A = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";
  private static final String PROJECT_B = "0b7e1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
  private static final String SLUG = "047-same-name";

  @TempDir Path dir;

  @Test
  void sameSlugPathAndHashUnderThreeNamespacesArriveSeparately() {
    Path a = checkout("a", PROJECT_A, "main");
    Path b = checkout("b", PROJECT_B, "main");
    Path develop = checkout("develop", PROJECT_A, "develop");
    Path db = dir.resolve("queue.db");
    CliRun sync =
        CliRun.inProcess(
            Recovery.env(),
            "sync",
            a.toString(),
            b.toString(),
            develop.toString(),
            "--no-drain",
            "--json",
            "--db",
            db.toString());
    assertThat(sync.exitCode()).as("sync: %s", sync).isZero();
    Set<BodyKey> expected = Deliveries.acknowledged(sync.json());
    Set<BodyKey> ofA =
        expected.stream()
            .filter(k -> k.namespace().projectUuid().equals(PROJECT_A))
            .collect(Collectors.toSet());
    assertThat(expected).hasSize(3 * FeatureDirs.EVERY_SURFACE.size());
    try (ReferenceReceiver receiver = Recovery.receiver()) {
      CliRun onlyA =
          CliRun.inProcess(
              Recovery.env(),
              "drain",
              "--until-empty",
              "--project",
              PROJECT_A,
              "--json",
              "--db",
              db.toString(),
              "--server",
              receiver.baseUri().toString());
      assertThat(onlyA.exitCode()).as("drain --project A: %s", onlyA).isZero();
      assertThat(receiver.ledger().storedBodies().keySet())
          .as("after drain --project A")
          .containsExactlyInAnyOrderElementsOf(ofA);
      assertThat(receiver.ledger().eventsReceived())
          .allSatisfy(e -> assertThat(e.projectUuid()).isEqualTo(PROJECT_A));
      JsonNode status =
          CliRun.inProcess(Recovery.env(), "status", "--json", "--db", db.toString()).json();
      assertThat(status.at("/bodies/pending").asLong())
          .as("B's bodies still queued")
          .isEqualTo(expected.size() - ofA.size());
      Recovery.drainToTheEnd(db, receiver, 60);
      Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
    }
  }

  private Path checkout(String name, String project, String branch) {
    return FeatureDirs.checkout(dir.resolve(name))
        .projectUuid(project)
        .feature(SLUG, branch, "software-dev")
        .build()
        .features()
        .get(0)
        .dir();
  }
}
