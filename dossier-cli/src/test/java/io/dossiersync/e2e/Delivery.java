package io.dossiersync.e2e;

import static io.dossiersync.testkit.DossierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.Endpoint;
import io.dossiersync.receiver.ReceivedEvent;
import io.dossiersync.receiver.ReceivedRequest;
import io.dossiersync.receiver.ReceiverLedger;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The end-to-end verdict shared by every test: what the receiver ledger and the queue file must
 * hold once a drain has finished.
 */
final class Delivery {

  /** Answers a push may get on the way to being stored; anything else is a defect. */
  private static final Set<String> PUSH_ANSWERS_ALLOWED =
      Set.of(
          "stored",
          "already_exists",
          "index_entry_not_found",
          "fault:reset",
          "fault:503",
          "fault:429");

  private Delivery() {}

  /**
   * The bodies a sync queued, by receiver key, read back from the files: every outcome must be
   * {@code queued} and cover exactly the fixture's files.
   */
  static Map<BodyKey, String> queuedBodies(DossierSyncResult result, FeatureFixture feature) {
    assertThat(result.errors()).isEmpty();
    assertThat(result.outcomes().stream().map(UploadOutcome::status).toList())
        .containsOnly(OutcomeStatus.QUEUED);
    assertThat(result.outcomes().stream().map(UploadOutcome::artifactPath).toList())
        .containsExactlyInAnyOrderElementsOf(feature.files());
    Map<BodyKey, String> bodies = new LinkedHashMap<>();
    for (UploadOutcome outcome : result.outcomes()) {
      String hash = outcome.contentHash().orElseThrow();
      assertThat(hash).isEqualTo(feature.sha256(outcome.artifactPath()));
      bodies.put(
          new BodyKey(result.namespace(), outcome.artifactPath(), hash),
          read(feature, outcome.artifactPath()));
    }
    return bodies;
  }

  /**
   * Every expected body stored exactly once with its exact text and nothing else stored; every
   * other push for it answered {@code already_exists} or a retryable answer; every event accepted;
   * the queue file empty and without failure records.
   */
  static void assertDeliveredExactlyOnce(
      ReceiverLedger ledger, Map<BodyKey, String> expected, QueueStore store) {
    assertThat(ledger.storedBodies().keySet())
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(ledger).hasNoDuplicateStores().hasStoredCount(expected.size());
    expected.forEach(
        (key, body) -> assertThat(ledger).storedExactlyOnce(key).hasStoredBody(key, body));
    var pushes = ledger.requests(Endpoint.PUSH_CONTENT);
    assertThat(pushes)
        .extracting(ReceivedRequest::answer)
        .as("answers to pushes")
        .allMatch(PUSH_ANSWERS_ALLOWED::contains);
    assertThat(pushes).filteredOn(r -> r.answer().equals("stored")).hasSize(expected.size());
    assertThat(pushes)
        .allSatisfy(
            r ->
                assertThat(r.bodyKey())
                    .hasValueSatisfying(key -> assertThat(expected).containsKey(key)));
    assertThat(ledger.eventsReceived())
        .extracting(ReceivedEvent::status)
        .as("event verdicts")
        .isNotEmpty()
        .allMatch(s -> s == EventResultStatus.SUCCESS || s == EventResultStatus.DUPLICATE);
    assertQueueEmpty(store);
  }

  static void assertQueueEmpty(QueueStore store) {
    assertThat(store.events().pending(ProjectScope.all())).as("pending events").isZero();
    assertThat(store.bodies().pending(ProjectScope.all())).as("pending bodies").isZero();
    assertThat(store.failures().count()).as("failure records").isZero();
    assertThat(store.failures().list(100)).isEmpty();
  }

  /** How many push requests per key got a given answer. */
  static Map<BodyKey, Long> answersPerKey(ReceiverLedger ledger, String answer) {
    return ledger.requests(Endpoint.PUSH_CONTENT).stream()
        .filter(r -> r.answer().equals(answer) && r.bodyKey().isPresent())
        .collect(Collectors.groupingBy(r -> r.bodyKey().orElseThrow(), Collectors.counting()));
  }

  private static String read(FeatureFixture feature, String path) {
    try {
      return Files.readString(feature.path(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
