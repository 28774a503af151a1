package io.dossiersync.testkit.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.core.queue.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory store does beyond the rules of the {@code QueueStoreContract} (which {@code
 * InMemoryQueueStoreContractTest} runs): its builder, its closing, the artifact its failure records
 * read from an event's payload, and the scope of {@code nextDue}.
 */
class InMemoryQueueStoreTest {

  private static final String PROJECT_A = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";
  private static final String PROJECT_B = "11111111-2222-4333-8444-555555555555";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final NamespaceRef NS = namespace(PROJECT_A, "001-feature");

  private final InMemoryQueueStore store = InMemoryQueueStore.create();

  private static NamespaceRef namespace(String project, String feature) {
    return new NamespaceRef(project, feature, "main", "software-dev", "1");
  }

  private static BodyUploadTask body(String uploadId, NamespaceRef ns, String path) {
    return new BodyUploadTask(uploadId, ns, path, "h1", "# " + path, 2 + path.length());
  }

  private static EventRecord event(String id, String json) {
    return new EventRecord(
        id, "MissionDossierArtifactIndexed", "001-feature:plan.md", NS, Optional.empty(), json);
  }

  private static ClaimRequest claim(int max) {
    return new ClaimRequest(max, T0, Duration.ofMinutes(5), "d", ProjectScope.all(), false);
  }

  @Test
  void theBuilderRejectsANonPositiveCapacity() {
    assertThatThrownBy(() -> InMemoryQueueStore.builder().maxQueueSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxQueueSize");
  }

  @Test
  void aClosedStoreRefusesCalls() {
    assertThat(store.location()).startsWith("memory:");
    store.close();
    store.close();

    assertThatThrownBy(() -> store.bodies().pending(ProjectScope.all()))
        .isInstanceOf(QueueStoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.events().nextDue(ProjectScope.all(), T0))
        .isInstanceOf(QueueStoreException.class);
  }

  @Test
  void aFailedEventKeepsTheArtifactOfItsPayloadAndAnUnreadablePayloadHasNone() {
    String json = "{\"payload\":{\"relative_path\":\"plan.md\",\"content_hash_sha256\":\"bb\"}}";
    store
        .events()
        .enqueue(
            List.of(event("E1", json), event("E2", "{\"payload\":{}}"), event("E3", "{not json")),
            T0);
    List<ClaimedEvent> claimed = store.events().claim(claim(10));

    store
        .events()
        .settle(claimed.stream().map(c -> Settlement.fail(c, "rejected: nope", T0)).toList());

    assertThat(store.failures().list(10))
        .extracting(FailureRecord::kind, FailureRecord::artifactPath, FailureRecord::contentHash)
        .containsExactly(
            tuple(FailureKind.EVENT, Optional.of("plan.md"), Optional.of("bb")),
            tuple(FailureKind.EVENT, Optional.empty(), Optional.empty()),
            tuple(FailureKind.EVENT, Optional.empty(), Optional.empty()));
    assertThat(store.events().settle(List.of(Settlement.fail(claimed.get(0), "again", T0))))
        .isEmpty();
  }

  @Test
  void nextDueConsidersOnlyTheScope() {
    store.bodies().enqueue(List.of(body("U1", NS, "a.md")), T0.plusSeconds(50));
    store.bodies().enqueue(List.of(body("U2", namespace(PROJECT_B, "002-x"), "b.md")), T0);

    assertThat(store.bodies().nextDue(ProjectScope.of(Set.of(PROJECT_A)), T0).at())
        .contains(T0.plusSeconds(50));
    assertThat(store.bodies().nextDue(ProjectScope.all(), T0).at()).contains(T0);
    assertThat(store.bodies().nextDue(ProjectScope.of(Set.of()), T0).at()).isEmpty();
  }
}
