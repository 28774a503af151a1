package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.ProjectScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outcome rules (PRODUCT.md §4.1): a delivered task is completed (deleted), a retryable failure
 * is rescheduled (retry counted, backoff), a task given back untouched is released (kept, no
 * retry counted), and every state change is fenced by the lease owner.
 *
 * @since 0.1.0
 */
public interface OutcomeContract extends ContractFixture {

  /** Only the lease owner changes a claimed task; a second complete finds nothing. */
  @Test
  default void stateChangesAreFencedByTheLeaseOwner() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody mine = store().bodies().claim(request(1, T0, "d1")).get(0);
    ClaimedBody forged =
        new ClaimedBody(mine.task(), 0, T0, new Lease("intruder", T0.plus(LEASE)));
    assertThat(store().bodies().complete(forged)).isFalse();
    assertThat(store().bodies().reschedule(forged, T0, "x")).isFalse();
    assertThat(store().bodies().release(forged)).isFalse();
    assertThat(store().bodies().fail(forged, "x", T0)).isFalse();
    assertThat(store().failures().count()).isZero();
    assertThat(store().bodies().claim(request(1, T0.plusSeconds(1), "d2"))).isEmpty();
    assertThat(store().bodies().complete(mine)).isTrue();
    assertThat(store().bodies().complete(mine)).isFalse();
  }

  /**
   * completeAll deletes, in one call, every given task still held under its lease and returns
   * those, in order; a task whose lease was lost (taken over, purged, already completed) stays
   * as it is and is not returned.
   */
  @Test
  default void completeAllDeletesOnlyTheTasksStillHeld() {
    store().bodies().enqueue(List.of(body(NS_A, "a.md", 1), body(NS_A, "b.md", 2),
        body(NS_A, "c.md", 3)), T0);
    List<ClaimedBody> claimed = store().bodies().claim(request(3, T0, "d1"));
    ClaimedBody forged = new ClaimedBody(claimed.get(1).task(), 0, T0,
        new Lease("intruder", T0.plus(LEASE)));
    assertThat(store().bodies().complete(claimed.get(2))).isTrue();

    List<ClaimedBody> completed =
        store().bodies().completeAll(List.of(claimed.get(0), forged, claimed.get(2)));

    assertThat(completed).containsExactly(claimed.get(0));
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(1);
    assertThat(store().bodies().completeAll(List.of())).isEmpty();
    assertThat(store().bodies().completeAll(List.of(claimed.get(1)))).containsExactly(claimed.get(1));
    assertThat(store().bodies().pending(ProjectScope.all())).isZero();
  }

  /** Reschedule counts one retry, drops the lease and hides the task until its next attempt. */
  @Test
  default void rescheduleCountsARetryDropsTheLeaseAndWaitsUntilTheNextAttempt() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody claimed = store().bodies().claim(request(1, T0, "d1")).get(0);
    assertThat(store().bodies().reschedule(claimed, T0.plusSeconds(30), "http_503")).isTrue();
    assertThat(store().bodies().claim(request(1, T0.plusSeconds(30).minusMillis(1), "d2")))
        .isEmpty();
    ClaimedBody again = store().bodies().claim(request(1, T0.plusSeconds(30), "d2")).get(0);
    assertThat(again.retryCount()).isEqualTo(1);
    assertThat(again.createdAt()).isEqualTo(T0);
    assertThat(again.task()).isEqualTo(claimed.task());
    assertThat(store().bodies().reschedule(claimed, T0.plusSeconds(60), "http_503")).isFalse();
  }

  /** Release keeps the retry count and next attempt time and frees the task at once. */
  @Test
  default void releaseKeepsRetryCountAndNextAttemptAndFreesTheTaskAtOnce() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody claimed = store().bodies().claim(request(1, T0, "d1")).get(0);
    store().bodies().reschedule(claimed, T0.plusSeconds(30), "http_503");
    ClaimedBody retried = store().bodies().claim(request(1, T0.plusSeconds(30), "d2")).get(0);
    assertThat(store().bodies().release(retried)).isTrue();
    assertThat(store().bodies().release(retried)).isFalse();
    ClaimedBody released = store().bodies().claim(request(1, T0.plusSeconds(30), "d3")).get(0);
    assertThat(released.retryCount()).isEqualTo(1);
    assertThat(released.lease().owner()).isEqualTo("d3");
  }

  /** Event complete, reschedule and release count only the events still held by the caller. */
  @Test
  default void eventCompleteRescheduleAndReleaseCountOnlyEventsStillLeased() {
    store().events().enqueue(
        List.of(event(NS_A, null), event(NS_A, null), event(NS_A, null)), T0);
    List<ClaimedEvent> claimed = store().events().claim(request(3, T0, "e1"));
    assertThat(store().events().release(claimed.subList(0, 1))).isEqualTo(1);
    List<ClaimedEvent> reclaimed = store().events().claim(request(3, T0, "e2"));
    assertThat(reclaimed).hasSize(1);
    assertThat(store().events().complete(claimed)).isEqualTo(2);
    assertThat(store().events().reschedule(reclaimed, T0.plusSeconds(2), "http_503"))
        .isEqualTo(1);
    assertThat(store().events().claim(request(3, T0.plusSeconds(1), "e3"))).isEmpty();
    assertThat(store().events().claim(request(3, T0.plusSeconds(2), "e3")))
        .singleElement().satisfies(c -> assertThat(c.retryCount()).isEqualTo(1));
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(1);
  }

  /** Retries accumulate across reschedules and survive a release. */
  @Test
  default void retriesAccumulateAcrossReschedulesAndSurviveARelease() {
    store().events().enqueue(List.of(event(NS_A, null)), T0);
    for (int attempt = 0; attempt < 3; attempt++) {
      int expected = attempt;
      List<ClaimedEvent> claimed =
          store().events().claim(request(1, T0.plusSeconds(attempt), "e"));
      assertThat(claimed).singleElement()
          .satisfies(c -> assertThat(c.retryCount()).isEqualTo(expected));
      assertThat(store().events().reschedule(claimed, T0.plusSeconds(attempt + 1), "http_503"))
          .isEqualTo(1);
    }
    List<ClaimedEvent> last = store().events().claim(request(1, T0.plusSeconds(3), "e"));
    assertThat(store().events().release(last)).isEqualTo(1);
    assertThat(store().events().claim(request(1, T0.plusSeconds(3), "e2")))
        .singleElement().satisfies(c -> assertThat(c.retryCount()).isEqualTo(3));
  }
}
