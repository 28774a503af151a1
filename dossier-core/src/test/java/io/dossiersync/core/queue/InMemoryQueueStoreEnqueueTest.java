package io.dossiersync.core.queue;

import static io.dossiersync.core.queue.EnqueueStatus.ALREADY_IN_QUEUE;
import static io.dossiersync.core.queue.EnqueueStatus.ENQUEUED;
import static io.dossiersync.core.queue.EnqueueStatus.QUEUE_FULL;
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
import org.junit.jupiter.api.Test;

class InMemoryQueueStoreEnqueueTest {

  private final InMemoryQueueStore store = InMemoryQueueStore.create();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void theSameBodyTwiceIsAlreadyInQueue() {
    BodyUploadTask spec = body("spec.md", "aa");
    BodyUploadTask again = new BodyUploadTask("other-id", ns, "spec.md", "aa", "x", 1);

    assertThat(store.bodies().enqueue(List.of(spec), T0).statuses()).containsExactly(ENQUEUED);
    EnqueueResult second = store.bodies().enqueue(List.of(again), T0);

    assertThat(second.statuses()).containsExactly(ALREADY_IN_QUEUE);
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  @Test
  void aNewHashSupersedesThePendingTaskEvenWhenLeased() {
    store.bodies().enqueue(List.of(body("spec.md", "aa")), T0);
    ClaimedBody leased = store.bodies().claim(claim(10, T0, "drainer-1")).get(0);

    EnqueueResult result = store.bodies().enqueue(List.of(body("spec.md", "bb")), T0);

    assertThat(result.statuses()).containsExactly(ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store.bodies().settle(List.of(Settlement.complete(leased, T0)))).isEmpty();
    assertThat(store.bodies().claim(claim(10, T0, "drainer-2")))
        .extracting(c -> c.task().contentHash())
        .containsExactly("bb");
  }

  @Test
  void anotherNamespaceFieldIsAnotherTask() {
    BodyUploadTask v1 = body("spec.md", "aa");
    BodyUploadTask v2 = body(ns.withManifestVersion("2"), "spec.md", "bb");

    EnqueueResult result = store.bodies().enqueue(List.of(v1, v2), T0);

    assertThat(result.statuses()).containsExactly(ENQUEUED, ENQUEUED);
    assertThat(result.superseded()).isZero();
  }

  @Test
  void pastCapacityNewTasksAreQueueFullButPendingDuplicatesStayAlreadyInQueue() {
    InMemoryQueueStore small = InMemoryQueueStore.builder().maxQueueSize(2).build();
    BodyUploadTask a = body("a.md", "1");

    EnqueueResult result = small.bodies().enqueue(
        List.of(a, body("b.md", "1"), body("c.md", "1"), a, body("d.md", "1")), T0);

    assertThat(result.statuses())
        .containsExactly(ENQUEUED, ENQUEUED, QUEUE_FULL, ALREADY_IN_QUEUE, QUEUE_FULL);
    assertThat(result.count(QUEUE_FULL)).isEqualTo(2);
    assertThat(small.bodies().enqueue(List.of(a), T0).statuses()).containsExactly(ALREADY_IN_QUEUE);
  }

  @Test
  void aSupersedingTaskFitsInAFullQueue() {
    InMemoryQueueStore small = InMemoryQueueStore.builder().maxQueueSize(1).build();
    small.bodies().enqueue(List.of(body("a.md", "1")), T0);

    EnqueueResult result = small.bodies().enqueue(List.of(body("a.md", "2")), T0);

    assertThat(result.statuses()).containsExactly(ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
  }

  @Test
  void anUploadIdNamingAnotherTaskFailsTheWholeBatch() {
    BodyUploadTask first = body("a.md", "1");
    store.bodies().enqueue(List.of(first), T0);
    BodyUploadTask clash = new BodyUploadTask(first.uploadId(), ns, "b.md", "2", "x", 1);

    assertThatThrownBy(() -> store.bodies().enqueue(List.of(body("c.md", "3"), clash), T0))
        .isInstanceOf(QueueStoreException.class)
        .hasMessageContaining(first.uploadId());
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  @Test
  void eventsAreDeduplicatedByIdAndCoalescedByKey() {
    EventRecord first = indexed(ns, "spec.md", "aa");
    EventRecord newer = indexed(ns, "spec.md", "bb");
    EventRecord other = plainEvent(ns);

    assertThat(store.events().enqueue(List.of(first, other), T0).statuses())
        .containsExactly(ENQUEUED, ENQUEUED);
    EnqueueResult result = store.events().enqueue(List.of(first, newer), T0);

    assertThat(result.statuses()).containsExactly(ALREADY_IN_QUEUE, ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store.events().claim(claim(10, T0, "d")))
        .extracting(c -> c.event().eventId())
        .containsExactly(other.eventId(), newer.eventId());
  }

  @Test
  void eventCapacityIsCheckedPerQueue() {
    InMemoryQueueStore small = InMemoryQueueStore.builder().maxQueueSize(1).build();
    small.bodies().enqueue(List.of(body("a.md", "1")), T0);

    EnqueueResult result = small.events().enqueue(List.of(plainEvent(ns), plainEvent(ns)), T0);

    assertThat(result.statuses()).containsExactly(ENQUEUED, QUEUE_FULL);
  }

  @Test
  void theBuilderRejectsANonPositiveCapacity() {
    assertThatThrownBy(() -> InMemoryQueueStore.builder().maxQueueSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxQueueSize");
  }
}
