package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Event queue rules (PRODUCT.md §3): an event is ready at once, a pending {@code event_id} is
 * {@code already_in_queue}, and an event with a coalesce key replaces the pending events of that
 * key (a newer {@code ArtifactIndexed} or {@code SnapshotComputed} replaces the stale one).
 *
 * @since 0.1.0
 */
public interface EventQueueContract extends ContractFixture {

  /** An enqueued event is ready at its enqueue time and claimed exactly as given. */
  @Test
  default void enqueuedEventIsReadyAtOnceAndClaimedAsGiven() {
    EventRecord event = event(NS_A, "indexed|spec.md");
    assertThat(store().events().enqueue(List.of(event), T0).statuses())
        .containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(store().events().claim(request(10, T0.minusMillis(1), "early"))).isEmpty();
    assertThat(store().events().claim(request(10, T0, "e1")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.event()).isEqualTo(event);
              assertThat(c.retryCount()).isZero();
              assertThat(c.createdAt()).isEqualTo(T0);
              assertThat(c.lease()).isEqualTo(new Lease("e1", T0.plus(LEASE)));
            });
  }

  /** A pending event id enqueued again is already_in_queue and stored once. */
  @Test
  default void sameEventIdEnqueuedAgainIsAlreadyInQueue() {
    EventRecord event = event(NS_A, null);
    store().events().enqueue(List.of(event), T0);
    assertThat(store().events().enqueue(List.of(event, event), T0.plusSeconds(1)).statuses())
        .containsExactly(EnqueueStatus.ALREADY_IN_QUEUE, EnqueueStatus.ALREADY_IN_QUEUE);
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(1);
  }

  /** A coalesce key replaces pending events of that key only; keyless events never coalesce. */
  @Test
  default void eventWithCoalesceKeyReplacesPendingEventsOfThatKeyOnly() {
    store()
        .events()
        .enqueue(
            List.of(
                event(NS_A, "snapshot|A"),
                event(NS_A, "indexed|A|spec.md"),
                event(NS_A, null),
                event(NS_A, null)),
            T0);
    EventRecord newer = event(NS_A, "snapshot|A");
    EnqueueResult result = store().events().enqueue(List.of(newer), T0.plusSeconds(1));
    assertThat(result.statuses()).containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(4);
    assertThat(store().events().claim(request(10, T0.plusSeconds(1), "e")))
        .extracting(c -> c.event().coalesceKey())
        .containsOnlyOnce(Optional.of("snapshot|A"))
        .contains(Optional.of("indexed|A|spec.md"));
  }

  /** Within one batch, the last event of a coalesce key wins. */
  @Test
  default void coalescingWithinOneBatchKeepsTheLastEvent() {
    EventRecord last = event(NS_A, "snapshot|A");
    EnqueueResult result = store().events().enqueue(List.of(event(NS_A, "snapshot|A"), last), T0);
    assertThat(result.statuses()).containsExactly(EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store().events().claim(request(10, T0, "e")))
        .extracting(c -> c.event().eventId())
        .containsExactly(last.eventId());
  }

  /** A leased event is coalesced away too; its holder can then no longer complete it. */
  @Test
  default void leasedEventIsCoalescedTooAndItsCompleteCountsNothing() {
    store().events().enqueue(List.of(event(NS_A, "snapshot|A")), T0);
    List<ClaimedEvent> old = store().events().claim(request(1, T0, "e1"));
    assertThat(store().events().enqueue(List.of(event(NS_A, "snapshot|A")), T0).superseded())
        .isEqualTo(1);
    assertThat(store().events().settle(old.stream().map(c -> Settlement.complete(c, T0)).toList()))
        .isEmpty();
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(1);
  }
}
