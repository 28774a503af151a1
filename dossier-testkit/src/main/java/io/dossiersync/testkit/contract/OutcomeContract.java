package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.forged;
import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outcome rules (PRODUCT.md §4.1): a delivered task is completed (deleted), a retryable failure is
 * rescheduled (retry counted, backoff), a task given back untouched is released (kept, no retry
 * counted), and every state change is fenced by the lease owner.
 *
 * @since 0.1.0
 */
public interface OutcomeContract extends ContractFixture {

  /** Only the lease owner changes a claimed task; a second complete finds nothing. */
  @Test
  default void stateChangesAreFencedByTheLeaseOwner() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody mine = store().bodies().claim(request(1, T0, "d1")).get(0);
    ClaimedBody forged = forged(mine);
    assertThat(store().bodies().settle(List.of(Settlement.complete(forged, T0)))).isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.reschedule(forged, T0, "x", T0))))
        .isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.release(forged, T0)))).isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.fail(forged, "x", T0)))).isEmpty();
    assertThat(store().failures().count()).isZero();
    assertThat(store().bodies().claim(request(1, T0.plusSeconds(1), "d2"))).isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.complete(mine, T0)))).hasSize(1);
    assertThat(store().bodies().settle(List.of(Settlement.complete(mine, T0)))).isEmpty();
  }

  /**
   * One settle call applies each settlement whose claim is still held and returns exactly those, in
   * order; a settlement of a task whose lease was lost (taken over, already completed) changes
   * nothing and is left out; an empty call applies nothing.
   */
  @Test
  default void settleAppliesOnlyTheSettlementsStillHeldInOneCall() {
    store().bodies().enqueue(bodies(NS_A, 4), T0);
    List<ClaimedBody> claimed = store().bodies().claim(request(4, T0, "d1"));
    ClaimedBody forged = forged(claimed.get(1));
    assertThat(store().bodies().settle(List.of(Settlement.complete(claimed.get(2), T0))))
        .hasSize(1);
    Settlement<ClaimedBody> done = Settlement.complete(claimed.get(0), T0);
    Settlement<ClaimedBody> later =
        Settlement.reschedule(claimed.get(3), T0.plusSeconds(5), "http_503", T0);

    List<Settlement<ClaimedBody>> applied =
        store()
            .bodies()
            .settle(
                List.of(
                    done,
                    Settlement.complete(forged, T0),
                    Settlement.fail(claimed.get(2), "gone", T0),
                    later));

    assertThat(applied).containsExactly(done, later);
    assertThat(store().failures().count()).isZero();
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(2);
    assertThat(store().bodies().settle(List.of())).isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.release(claimed.get(1), T0)))).hasSize(1);
    assertThat(store().bodies().claim(request(4, T0, "d2")))
        .extracting(c -> c.task().artifactPath())
        .containsExactly("b.md");
  }

  /** Reschedule counts one retry, drops the lease and hides the task until its next attempt. */
  @Test
  default void rescheduleCountsARetryDropsTheLeaseAndWaitsUntilTheNextAttempt() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody claimed = store().bodies().claim(request(1, T0, "d1")).get(0);
    assertThat(
            store()
                .bodies()
                .settle(
                    List.of(Settlement.reschedule(claimed, T0.plusSeconds(30), "http_503", T0))))
        .hasSize(1);
    assertThat(store().bodies().claim(request(1, T0.plusSeconds(30).minusMillis(1), "d2")))
        .isEmpty();
    ClaimedBody again = store().bodies().claim(request(1, T0.plusSeconds(30), "d2")).get(0);
    assertThat(again.retryCount()).isEqualTo(1);
    assertThat(again.createdAt()).isEqualTo(T0);
    assertThat(again.task()).isEqualTo(claimed.task());
    assertThat(
            store()
                .bodies()
                .settle(
                    List.of(Settlement.reschedule(claimed, T0.plusSeconds(60), "http_503", T0))))
        .isEmpty();
  }

  /** Release keeps the retry count and next attempt time and frees the task at once. */
  @Test
  default void releaseKeepsRetryCountAndNextAttemptAndFreesTheTaskAtOnce() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody claimed = store().bodies().claim(request(1, T0, "d1")).get(0);
    store()
        .bodies()
        .settle(List.of(Settlement.reschedule(claimed, T0.plusSeconds(30), "http_503", T0)));
    ClaimedBody retried = store().bodies().claim(request(1, T0.plusSeconds(30), "d2")).get(0);
    assertThat(store().bodies().settle(List.of(Settlement.release(retried, T0)))).hasSize(1);
    assertThat(store().bodies().settle(List.of(Settlement.release(retried, T0)))).isEmpty();
    ClaimedBody released = store().bodies().claim(request(1, T0.plusSeconds(30), "d3")).get(0);
    assertThat(released.retryCount()).isEqualTo(1);
    assertThat(released.lease().owner()).isEqualTo("d3");
  }

  /** Event complete, reschedule and release count only the events still held by the caller. */
  @Test
  default void eventCompleteRescheduleAndReleaseCountOnlyEventsStillLeased() {
    store().events().enqueue(List.of(event(NS_A, null), event(NS_A, null), event(NS_A, null)), T0);
    List<ClaimedEvent> claimed = store().events().claim(request(3, T0, "e1"));
    assertThat(
            store()
                .events()
                .settle(
                    claimed.subList(0, 1).stream().map(c -> Settlement.release(c, T0)).toList()))
        .hasSize(1);
    List<ClaimedEvent> reclaimed = store().events().claim(request(3, T0, "e2"));
    assertThat(reclaimed).hasSize(1);
    assertThat(
            store().events().settle(claimed.stream().map(c -> Settlement.complete(c, T0)).toList()))
        .hasSize(2);
    assertThat(
            store()
                .events()
                .settle(
                    reclaimed.stream()
                        .map(c -> Settlement.reschedule(c, T0.plusSeconds(2), "http_503", T0))
                        .toList()))
        .hasSize(1);
    assertThat(store().events().claim(request(3, T0.plusSeconds(1), "e3"))).isEmpty();
    assertThat(store().events().claim(request(3, T0.plusSeconds(2), "e3")))
        .singleElement()
        .satisfies(c -> assertThat(c.retryCount()).isEqualTo(1));
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(1);
  }

  /** Retries accumulate across reschedules and survive a release. */
  @Test
  default void retriesAccumulateAcrossReschedulesAndSurviveARelease() {
    store().events().enqueue(List.of(event(NS_A, null)), T0);
    for (int attempt = 0; attempt < 3; attempt++) {
      int expected = attempt;
      List<ClaimedEvent> claimed = store().events().claim(request(1, T0.plusSeconds(attempt), "e"));
      assertThat(claimed)
          .singleElement()
          .satisfies(c -> assertThat(c.retryCount()).isEqualTo(expected));
      Instant next = T0.plusSeconds(attempt + 1);
      assertThat(
              store()
                  .events()
                  .settle(
                      claimed.stream()
                          .map(c -> Settlement.reschedule(c, next, "http_503", T0))
                          .toList()))
          .hasSize(1);
    }
    List<ClaimedEvent> last = store().events().claim(request(1, T0.plusSeconds(3), "e"));
    assertThat(store().events().settle(last.stream().map(c -> Settlement.release(c, T0)).toList()))
        .hasSize(1);
    assertThat(store().events().claim(request(1, T0.plusSeconds(3), "e2")))
        .singleElement()
        .satisfies(c -> assertThat(c.retryCount()).isEqualTo(3));
  }
}
