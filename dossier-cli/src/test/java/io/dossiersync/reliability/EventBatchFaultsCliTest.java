package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event-batch answer table of PRODUCT.md §4.2, end to end through {@code dossier sync
 * --no-drain} and {@code dossier drain --until-empty} against the reference receiver's fault knobs:
 * a proxy's bare 404s mixed with 5xx and resets never send an event to the failure records; a
 * batch-size limit (413) splits batches until they fit; a poison event (400) is isolated by
 * bisection while every other event and body is delivered, and its artifact's body follows it into
 * the failure records as {@code index_event_failed}.
 */
class EventBatchFaultsCliTest {

  @TempDir Path dir;

  @Test
  void bare404sFiveXxAndResetsOnBothEndpointsEndWithEveryBodyStoredOnce() throws Exception {
    Path specs = Checkouts.generated(dir.resolve("checkout"), 4, 3);
    Path db = dir.resolve("queue.db");
    ScheduledExecutorService healing = Executors.newSingleThreadScheduledExecutor();
    try (ReferenceReceiver receiver =
        ReferenceReceiver.builder()
            .token(Recovery.TOKEN)
            .failureRate(0.30)
            .resetRate(0.05)
            .bareNotFoundRate(0.05)
            .seed(ReliabilityMode.seed())
            .start()) {
      healing.schedule(() -> receiver.faults().none(), 10, TimeUnit.SECONDS);
      Set<BodyKey> expected = Deliveries.acknowledged(Recovery.syncNoDrain(specs, db));

      long started = System.nanoTime();
      JsonNode drain = Recovery.drainToTheEnd(db, receiver, 240);

      Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
      assertThat(receiver.ledger().countByStatus(404)).as("bare 404s injected").isPositive();
      assertThat(receiver.ledger().countByStatus(503)).as("503s injected").isPositive();
      System.out.printf(
          "[reliability] batch-faults bodies=%d requests=%d 404=%d 503=%d reset=%d"
              + " drain_retries=%d duration_ms=%d%n",
          expected.size(),
          receiver.ledger().requests().size(),
          receiver.ledger().countByStatus(404),
          receiver.ledger().countByStatus(503),
          receiver.ledger().countByStatus(0),
          drain.at("/bodies/retry").asLong(),
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      healing.shutdownNow();
    }
  }

  @Test
  void aBatchSizeLimitSplitsTheBatchesUntilTheyFit() {
    Path specs = Checkouts.generated(dir.resolve("checkout"), 3, 8);
    Path db = dir.resolve("queue.db");
    try (ReferenceReceiver receiver = Recovery.receiver()) {
      receiver.faults().maxBatchEvents(7);
      Set<BodyKey> expected = Deliveries.acknowledged(Recovery.syncNoDrain(specs, db));

      Recovery.drainToTheEnd(db, receiver, 120);

      Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
      assertThat(receiver.ledger().countByStatus(413)).as("batches answered 413").isPositive();
    }
  }

  @Test
  void aPoisonEventIsIsolatedAndEveryOtherEventAndBodyIsDelivered() {
    Path specs = Checkouts.generated(dir.resolve("checkout"), 3, 4);
    Path db = dir.resolve("queue.db");
    String poisonPath = "research/note-002.md";
    try (ReferenceReceiver receiver = Recovery.receiver()) {
      String poisonFeature = "002-generated-feature";
      receiver.faults().poisonAggregates(id -> id.equals(poisonFeature + ":" + poisonPath));
      JsonNode sync = Recovery.syncNoDrain(specs, db);
      Set<BodyKey> acknowledged = Deliveries.acknowledged(sync);
      Set<BodyKey> expected = new HashSet<>();
      List<BodyKey> poisoned = new ArrayList<>();
      for (BodyKey key : acknowledged) {
        boolean poison =
            key.artifactPath().equals(poisonPath)
                && key.namespace().featureSlug().equals(poisonFeature);
        if (poison) {
          poisoned.add(key);
        } else {
          expected.add(key);
        }
      }
      assertThat(poisoned).as("the poisoned artifact was queued").hasSize(1);

      CliRun drain = Recovery.drainUntilEmpty(db, receiver, 120);
      List<String> reasons = Recovery.failureRecords(db);

      assertThat(drain.exitCode()).as("drain: %s", drain).isEqualTo(1);
      assertThat(drain.json().at("/pending/events").asLong()).isZero();
      assertThat(drain.json().at("/pending/bodies").asLong()).isZero();
      Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), expected);
      assertThat(reasons)
          .as("failure records")
          .hasSize(2)
          .anyMatch(
              r ->
                  r.startsWith("event ")
                      && r.contains("note-002.md")
                      && r.contains("rejected: validation_error"))
          .anyMatch(r -> r.equals("body " + poisonPath + " index_event_failed"));
      assertThat(receiver.ledger().countByStatus(400)).as("batches answered 400").isPositive();
    }
  }
}
