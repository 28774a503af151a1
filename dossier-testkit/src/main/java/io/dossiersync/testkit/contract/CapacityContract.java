package io.dossiersync.testkit.contract;

import static io.dossiersync.core.queue.EnqueueStatus.ALREADY_IN_QUEUE;
import static io.dossiersync.core.queue.EnqueueStatus.ENQUEUED;
import static io.dossiersync.core.queue.EnqueueStatus.QUEUE_FULL;
import static io.dossiersync.testkit.contract.ContractFixture.hash;
import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capacity rules (PRODUCT.md §3, NFR-002): each queue holds at most {@code maxQueueSize} tasks.
 *
 * <p>The rule for a full queue: each task of a batch is judged in order, as if enqueued alone. A
 * task is {@code queue_full} only when it would add a row to a full queue. A task already pending
 * is {@code already_in_queue} (it is queued: reporting it failed would be false), and a task that
 * supersedes or coalesces a pending one is {@code enqueued} (it replaces a row, so the queue does
 * not grow, and the newer content must not lose to the older one), even after an earlier task of
 * the same batch was {@code queue_full}.
 *
 * @since 0.1.0
 */
public interface CapacityContract extends ContractFixture {

  /** Past maxQueueSize, every task that would add a row is queue_full until room is freed. */
  @Test
  default void bodiesPastMaxQueueSizeAreQueueFullForTheRestOfTheBatch() {
    QueueStore small = open(3);
    List<BodyUploadTask> tasks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tasks.add(body(NS_A, "research/r" + i + ".md", i));
    }
    assertThat(small.bodies().enqueue(tasks, T0).statuses())
        .containsExactly(ENQUEUED, ENQUEUED, ENQUEUED, QUEUE_FULL, QUEUE_FULL);
    assertThat(small.bodies().enqueue(List.of(body(NS_A, "x.md", 9)), T0).statuses())
        .containsExactly(QUEUE_FULL);
    assertThat(small.bodies().pending(ProjectScope.all())).isEqualTo(3);
    ClaimedBody one = small.bodies().claim(request(1, T0, "d")).get(0);
    assertThat(small.bodies().settle(List.of(Settlement.complete(one, T0)))).hasSize(1);
    assertThat(small.bodies().enqueue(List.of(body(NS_A, "x.md", 9)), T0).statuses())
        .containsExactly(ENQUEUED);
  }

  /** Each queue has its own count: a full body queue does not fill the event queue. */
  @Test
  default void capacityIsCountedPerQueue() {
    QueueStore small = open(2);
    small.bodies().enqueue(bodies(NS_A, 2), T0);
    assertThat(
            small
                .events()
                .enqueue(List.of(event(NS_A, null), event(NS_A, null), event(NS_A, null)), T0)
                .statuses())
        .containsExactly(ENQUEUED, ENQUEUED, QUEUE_FULL);
    assertThat(small.events().pending(ProjectScope.all())).isEqualTo(2);
    assertThat(small.bodies().pending(ProjectScope.all())).isEqualTo(2);
  }

  /**
   * In a full queue, after a queue_full task of the same batch: a duplicate of a pending body is
   * still already_in_queue, and a new hash of a pending body still supersedes it.
   */
  @Test
  default void fullBodyQueueStillReportsDuplicatesAndAcceptsSupersedes() {
    QueueStore small = open(2);
    small.bodies().enqueue(bodies(NS_A, 2), T0);
    EnqueueResult result =
        small
            .bodies()
            .enqueue(
                List.of(
                    body(NS_A, "c.md", 3),
                    body(NS_A, "a.md", 1),
                    body(NS_A, "b.md", 20),
                    body(NS_A, "c.md", 3)),
                T0);
    assertThat(result.statuses())
        .containsExactly(QUEUE_FULL, ALREADY_IN_QUEUE, ENQUEUED, QUEUE_FULL);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(small.bodies().claim(request(10, T0, "d")))
        .extracting(c -> c.task().contentHash())
        .containsExactly(hash(1), hash(20));
  }

  /**
   * In a full event queue, after a queue_full event of the same batch: a pending event id is still
   * already_in_queue, and an event with a pending coalesce key still replaces it.
   */
  @Test
  default void fullEventQueueStillReportsDuplicatesAndAcceptsCoalescing() {
    QueueStore small = open(2);
    EventRecord plain = event(NS_A, null);
    small.events().enqueue(List.of(plain, event(NS_A, "snapshot|A")), T0);
    EventRecord newer = event(NS_A, "snapshot|A");
    EnqueueResult result =
        small.events().enqueue(List.of(event(NS_A, null), plain, newer), T0.plusSeconds(1));
    assertThat(result.statuses()).containsExactly(QUEUE_FULL, ALREADY_IN_QUEUE, ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(small.events().claim(request(10, T0.plusSeconds(1), "e")))
        .extracting(c -> c.event().eventId())
        .containsExactlyInAnyOrder(plain.eventId(), newer.eventId());
  }

  /** A failure record whose queue is full stays a record, uncounted, until there is room. */
  @Test
  default void requeueIntoAFullQueueKeepsTheRecord() {
    QueueStore small = open(1);
    small.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody failed = small.bodies().claim(request(1, T0, "f")).get(0);
    assertThat(small.bodies().settle(List.of(Settlement.fail(failed, "http_400", T0)))).hasSize(1);
    small.bodies().enqueue(List.of(body(NS_A, "plan.md", 2)), T0);
    assertThat(small.failures().requeueAll(T0.plusSeconds(1))).isZero();
    assertThat(small.failures().count()).isEqualTo(1);
    ClaimedBody plan = small.bodies().claim(request(1, T0.plusSeconds(1), "d")).get(0);
    assertThat(small.bodies().settle(List.of(Settlement.complete(plan, T0)))).hasSize(1);
    assertThat(small.failures().requeueAll(T0.plusSeconds(2))).isEqualTo(1);
    assertThat(small.failures().count()).isZero();
    assertThat(small.bodies().claim(request(1, T0.plusSeconds(2), "d")))
        .extracting(c -> c.task().artifactPath())
        .containsExactly("spec.md");
  }
}
