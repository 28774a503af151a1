package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRODUCT.md §4.2's {@code index_event_failed} rule holds across processes: a body whose index
 * event went to the failure records in an earlier process is failed at once by a new process (a
 * child JVM running {@code dossier drain}), never pushed, and {@code dossier requeue} of the
 * event's record brings both back. The earlier process cannot touch the body because the test holds
 * its lease meanwhile, as a second drainer would.
 */
class IndexEventFailedAcrossProcessesTest {

  private static final String FEATURE = "001-generated-feature";
  private static final String POISON_PATH = "research/note-001.md";

  @TempDir Path dir;

  @Test
  void aBodyWhoseIndexEventFailedInAnEarlierProcessIsFailedAtOnceAndRequeuedWithIt()
      throws Exception {
    Path specs = Checkouts.generated(dir.resolve("checkout"), 1, 2);
    Path db = dir.resolve("queue.db");
    try (ReferenceReceiver receiver = Recovery.receiver()) {
      receiver.faults().poisonAggregates(id -> id.equals(FEATURE + ":" + POISON_PATH));
      Set<BodyKey> expected = Deliveries.acknowledged(Recovery.syncNoDrain(specs, db));
      BodyKey poisoned =
          expected.stream()
              .filter(k -> k.artifactPath().equals(POISON_PATH))
              .findFirst()
              .orElseThrow();
      String server = receiver.baseUri().toString();

      try (SqliteQueueStore holder = SqliteQueueStore.builder().path(db).open()) {
        ClaimedBody held = holdOnly(holder, POISON_PATH);

        CliRun first =
            CliRun.inProcess(
                Recovery.env(), "drain", "--json", "--db", db.toString(), "--server", server);
        assertThat(first.exitCode()).as("first drain: %s", first).isEqualTo(1);
        assertThat(Recovery.failureRecords(db))
            .as("after the first process")
            .singleElement()
            .asString()
            .startsWith("event " + POISON_PATH + " rejected: ");
        assertThat(receiver.ledger().pushCount(poisoned)).isZero();

        assertThat(holder.bodies().settle(List.of(Settlement.release(held, Instant.now()))))
            .hasSize(1);
      }

      CliRun second;
      try (ChildDossier child =
          ChildDossier.start(Recovery.env(), Recovery.drainUntilEmptyArgs(db, receiver, 60))) {
        second = child.await(120);
      }
      assertThat(second.exitCode()).as("second drain: %s", second).isEqualTo(1);
      assertThat(second.json().at("/pending/bodies").asLong()).isZero();
      assertThat(Recovery.failureRecords(db))
          .as("after the second process")
          .hasSize(2)
          .contains("body " + POISON_PATH + " index_event_failed");
      assertThat(receiver.ledger().pushCount(poisoned)).as("pushes of the poisoned body").isZero();

      receiver.faults().none();
      JsonNode records =
          CliRun.inProcess(Recovery.env(), "failures", "--json", "--db", db.toString())
              .json()
              .get("failures");
      String eventRecord = "";
      for (JsonNode r : records) {
        if (r.get("kind").asText().equals("event")) {
          eventRecord = r.get("id").asText();
        }
      }
      CliRun requeue =
          CliRun.inProcess(Recovery.env(), "requeue", "--db", db.toString(), eventRecord);
      assertThat(requeue.exitCode()).as("requeue: %s", requeue).isZero();
      Recovery.drainToTheEnd(db, receiver, 60);

      Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
      assertThat(receiver.ledger().pushCount(poisoned)).isEqualTo(1);
    }
  }

  /** Claims every ready body for ten minutes and gives back all but the one at {@code path}. */
  private static ClaimedBody holdOnly(SqliteQueueStore store, String path) {
    List<ClaimedBody> claimed =
        store
            .bodies()
            .claim(
                new ClaimRequest(
                    1_000,
                    Instant.now(),
                    Duration.ofMinutes(10),
                    "holder",
                    ProjectScope.all(),
                    false));
    ClaimedBody kept = null;
    for (ClaimedBody body : claimed) {
      if (body.task().artifactPath().equals(path)) {
        kept = body;
      } else {
        assertThat(store.bodies().settle(List.of(Settlement.release(body, Instant.now()))))
            .hasSize(1);
      }
    }
    assertThat(kept).as("the body at %s was claimed", path).isNotNull();
    return kept;
  }
}
