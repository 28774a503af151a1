package io.dossiersync.core.queue;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.body;
import static io.dossiersync.core.queue.QueueTestData.claim;
import static io.dossiersync.core.queue.QueueTestData.indexed;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static io.dossiersync.core.queue.QueueTestData.plainEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryQueueStoreFailureTest {

  private final InMemoryQueueStore store = InMemoryQueueStore.create();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void aFailedBodyBecomesARecordWithItsHistory() {
    store.bodies().enqueue(List.of(body("spec.md", "aa")), T0);
    ClaimedBody first = store.bodies().claim(claim(1, T0, "d")).get(0);
    store.bodies().settle(List.of(Settlement.reschedule(first, T0.plusSeconds(1), "http_503", T0)));
    ClaimedBody second = store.bodies().claim(claim(1, T0.plusSeconds(2), "d")).get(0);

    assertThat(store.bodies().settle(List.of(Settlement.fail(second, "validation_error: bad",
        T0.plusSeconds(3))))).hasSize(1);

    assertThat(store.failures().list(10))
        .containsExactly(
            new FailureRecord(1, FailureKind.BODY, PROJECT_A, "001-feature", Optional.of("spec.md"),
                Optional.of("aa"), "validation_error: bad", 2, T0, T0.plusSeconds(3)));
    assertThat(store.bodies().pending(ProjectScope.all())).isZero();
    assertThat(store.failures().count()).isEqualTo(1);
  }

  @Test
  void aFailedEventKeepsTheArtifactOfItsPayload() {
    store.events().enqueue(List.of(indexed(ns, "plan.md", "bb"), plainEvent(ns)), T0);
    List<ClaimedEvent> claimed = store.events().claim(claim(10, T0, "d"));

    claimed.forEach(c -> store.events().settle(List.of(Settlement.fail(c, "rejected: nope", T0))));

    assertThat(store.failures().list(10))
        .extracting(FailureRecord::kind, FailureRecord::artifactPath, FailureRecord::contentHash,
            FailureRecord::attempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FailureKind.EVENT, Optional.of("plan.md"),
                Optional.of("bb"), 1),
            org.assertj.core.groups.Tuple.tuple(FailureKind.EVENT, Optional.empty(),
                Optional.empty(), 1));
    assertThat(store.events().settle(List.of(Settlement.fail(claimed.get(0), "again", T0))))
        .isEmpty();
  }

  @Test
  void requeuePutsTheTaskBackAsNew() {
    failBody(body("spec.md", "aa"), 2);

    assertThat(store.failures().requeue(List.of(1L, 99L), T0.plusSeconds(60))).isEqualTo(1);

    assertThat(store.failures().count()).isZero();
    List<ClaimedBody> back = store.bodies().claim(claim(1, T0.plusSeconds(60), "d"));
    assertThat(back).singleElement().satisfies(b -> {
      assertThat(b.retryCount()).isZero();
      assertThat(b.createdAt()).isEqualTo(T0.plusSeconds(60));
      assertThat(b.task().contentBody()).startsWith("# spec.md");
    });
  }

  @Test
  void aRequeuedBodyIsDroppedWhenTheSameOrANewerTaskIsPending() {
    failBody(body("spec.md", "aa"), 1);
    failBody(body("plan.md", "aa"), 1);
    store.bodies().enqueue(List.of(body("spec.md", "aa"), body("plan.md", "bb")), T0);

    assertThat(store.failures().requeueAll(T0)).isZero();

    assertThat(store.failures().count()).isZero();
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2);
  }

  @Test
  void aRecordStaysWhileItsQueueIsFull() {
    InMemoryQueueStore small = InMemoryQueueStore.builder().maxQueueSize(1).build();
    small.events().enqueue(List.of(plainEvent(ns)), T0);
    small.events().settle(List.of(Settlement.fail(small.events().claim(claim(1, T0, "d")).get(0),
        "rejected", T0)));
    small.events().enqueue(List.of(plainEvent(ns)), T0);

    assertThat(small.failures().requeueAll(T0)).isZero();
    assertThat(small.failures().count()).isEqualTo(1);

    small.events().settle(small.events().claim(claim(1, T0, "d")).stream()
        .map(c -> Settlement.complete(c, T0)).toList());
    assertThat(small.failures().requeueAll(T0)).isEqualTo(1);
  }

  @Test
  void aRequeuedEventIsDroppedWhenANewerOneCoalescesIt() {
    store.events().enqueue(List.of(indexed(ns, "spec.md", "aa")), T0);
    store.events().settle(List.of(Settlement.fail(store.events().claim(claim(1, T0, "d")).get(0),
        "rejected", T0)));
    store.events().enqueue(List.of(indexed(ns, "spec.md", "bb")), T0);

    assertThat(store.failures().requeueAll(T0)).isZero();
    assertThat(store.events().pending(ProjectScope.all())).isEqualTo(1);
    assertThat(store.failures().count()).isZero();
  }

  @Test
  void anEventWithoutAReadablePayloadHasNoArtifact() {
    EventRecord broken = new EventRecord("E-broken", "MissionDossierArtifactIndexed", "x:y", ns,
        Optional.empty(), "{not json");
    store.events().enqueue(List.of(broken), T0);

    store.events().settle(List.of(Settlement.fail(store.events().claim(claim(1, T0, "d")).get(0),
        "rejected", T0)));

    assertThat(store.failures().list(1).get(0).artifactPath()).isEmpty();
  }

  @Test
  void aBodyRecordStaysWhileTheBodyQueueIsFull() {
    InMemoryQueueStore small = InMemoryQueueStore.builder().maxQueueSize(1).build();
    small.bodies().enqueue(List.of(body("a.md", "1")), T0);
    small.bodies().settle(List.of(Settlement.fail(small.bodies().claim(claim(1, T0, "d")).get(0),
        "failed", T0)));
    small.bodies().enqueue(List.of(body("b.md", "1")), T0);

    assertThat(small.failures().requeueAll(T0)).isZero();
    assertThat(small.failures().count()).isEqualTo(1);
  }

  @Test
  void listIsOldestFirstAndBounded() {
    failBody(body("a.md", "1"), 1);
    failBody(body("b.md", "1"), 1);

    assertThat(store.failures().list(1)).extracting(FailureRecord::artifactPath)
        .containsExactly(Optional.of("a.md"));
    assertThatThrownBy(() -> store.failures().list(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private void failBody(BodyUploadTask task, int attempts) {
    store.bodies().enqueue(List.of(task), T0);
    for (int i = 1; i < attempts; i++) {
      store.bodies().settle(List.of(Settlement.reschedule(store.bodies().claim(claim(1, T0,
          "d")).get(0), T0, "http_503", T0)));
    }
    store.bodies().settle(List.of(Settlement.fail(store.bodies().claim(claim(1, T0, "d")).get(0),
        "failed", T0)));
  }
}
