package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static io.dossiersync.testkit.contract.ContractFixture.scoped;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Claim and lease rules (DS-03): claims take ready tasks in drain order under a lease, never the
 * same task twice under unexpired leases; an expired lease is reclaimed; scope and the hold on
 * bodies of namespaces with pending events are honoured.
 *
 * @since 0.1.0
 */
public interface ClaimContract extends ContractFixture {

  /** Drain order: next attempt time, then creation time, then enqueue order. */
  @Test
  default void claimTakesOldestFirstByNextAttemptThenCreationOrder() {
    store().bodies().enqueue(List.of(body(NS_A, "a.md", 1)), T0);
    store().bodies().enqueue(List.of(body(NS_A, "b.md", 2)), T0.plusSeconds(1));
    store()
        .bodies()
        .enqueue(List.of(body(NS_A, "c.md", 3), body(NS_A, "d.md", 4)), T0.plusSeconds(2));
    ClaimedBody first = store().bodies().claim(request(1, T0.plusSeconds(5), "d1")).get(0);
    assertThat(first.task().artifactPath()).isEqualTo("a.md");
    store()
        .bodies()
        .settle(List.of(Settlement.reschedule(first, T0.plusSeconds(3), "http_503", T0)));
    assertThat(store().bodies().claim(request(10, T0.plusSeconds(10), "d2")))
        .extracting(c -> c.task().artifactPath())
        .containsExactly("b.md", "c.md", "d.md", "a.md");
  }

  /** A claim returns at most maxTasks tasks and never one already leased. */
  @Test
  default void claimReturnsAtMostMaxTasksAndNeverTheSameTaskTwice() {
    for (int i = 0; i < 10; i++) {
      store().bodies().enqueue(List.of(body(NS_A, "r" + i + ".md", i)), T0);
    }
    List<String> seen = new ArrayList<>();
    for (int expected : new int[] {4, 4, 2, 0}) {
      List<ClaimedBody> claimed = store().bodies().claim(request(4, T0, "d" + expected));
      assertThat(claimed).hasSize(expected);
      claimed.forEach(c -> seen.add(c.task().uploadId()));
    }
    assertThat(seen).hasSize(10).doesNotHaveDuplicates();
  }

  /** A lease excludes others until it expires; then another owner takes the task over. */
  @Test
  default void leaseIsExclusiveUntilItExpiresThenAnotherOwnerReclaimsTheTask() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody first = store().bodies().claim(request(1, T0, "d1")).get(0);
    assertThat(store().bodies().claim(request(1, T0.plus(LEASE).minusMillis(1), "d2"))).isEmpty();
    ClaimedBody second = store().bodies().claim(request(1, T0.plus(LEASE), "d2")).get(0);
    assertThat(second.task()).isEqualTo(first.task());
    assertThat(second.retryCount()).isZero();
    assertThat(store().bodies().settle(List.of(Settlement.complete(first, T0)))).isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.release(first, T0)))).isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.fail(first, "http_400", T0.plus(LEASE)))))
        .isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.complete(second, T0)))).hasSize(1);
    assertThat(store().bodies().pending(ProjectScope.all())).isZero();
  }

  /** An expired event lease is reclaimed by another owner; the first owner then changes nothing. */
  @Test
  default void expiredEventLeaseIsReclaimedAndTheOldOwnerIsFencedOut() {
    store().events().enqueue(List.of(event(NS_A, null)), T0);
    List<ClaimedEvent> first = store().events().claim(request(1, T0, "e1"));
    assertThat(store().events().claim(request(1, T0.plus(LEASE).minusMillis(1), "e2"))).isEmpty();
    List<ClaimedEvent> second = store().events().claim(request(1, T0.plus(LEASE), "e2"));
    assertThat(second).hasSize(1);
    assertThat(
            store()
                .events()
                .settle(
                    first.stream()
                        .map(c -> Settlement.reschedule(c, T0.plus(LEASE), "http_503", T0))
                        .toList()))
        .isEmpty();
    assertThat(
            store().events().settle(first.stream().map(c -> Settlement.complete(c, T0)).toList()))
        .isEmpty();
    assertThat(
            store().events().settle(second.stream().map(c -> Settlement.complete(c, T0)).toList()))
        .hasSize(1);
  }

  /** A lease that expired (the task counts as ready) but was not taken over still completes. */
  @Test
  default void expiredLeaseNotTakenOverStillCompletes() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody slow = store().bodies().claim(request(1, T0, "slow")).get(0);
    Instant later = T0.plus(LEASE).plus(LEASE);
    assertThat(store().stats(later).bodies().ready()).isEqualTo(1);
    assertThat(
            store()
                .bodies()
                .claim(
                    new ClaimRequest(
                        1, later, LEASE, "other", ProjectScope.of(Set.of(PROJECT_B)), false)))
        .isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.complete(slow, T0)))).hasSize(1);
    assertThat(store().bodies().pending(ProjectScope.all())).isZero();
  }

  /** Claims take only projects in scope; an empty scope takes nothing. */
  @Test
  default void claimTakesOnlyProjectsInScope() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1), body(NS_B, "spec.md", 2)), T0);
    store().events().enqueue(List.of(event(NS_A, null), event(NS_B, null)), T0);
    ProjectScope onlyB = ProjectScope.of(Set.of(PROJECT_B));
    assertThat(store().bodies().claim(scoped(onlyB, false)))
        .extracting(c -> c.task().namespace())
        .containsExactly(NS_B);
    assertThat(store().events().claim(scoped(onlyB, false)))
        .extracting(c -> c.event().namespace())
        .containsExactly(NS_B);
    assertThat(store().bodies().claim(scoped(ProjectScope.of(Set.of()), false))).isEmpty();
    assertThat(store().bodies().pending(onlyB)).isEqualTo(1);
    assertThat(store().bodies().pending(ProjectScope.of(Set.of()))).isZero();
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(2);
  }

  /** With the hold, bodies of a namespace with pending events (leased or not) stay queued. */
  @Test
  default void holdNamespacesWithPendingEventsKeepsThoseBodiesQueued() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1), body(NS_A2, "spec.md", 2)), T0);
    store().events().enqueue(List.of(event(NS_A, null)), T0);
    assertThat(store().bodies().claim(scoped(ProjectScope.all(), true)))
        .extracting(c -> c.task().namespace())
        .containsExactly(NS_A2);
    List<ClaimedEvent> events = store().events().claim(scoped(ProjectScope.all(), true));
    assertThat(events).hasSize(1);
    assertThat(store().bodies().claim(scoped(ProjectScope.all(), true))).isEmpty();
    store().events().settle(events.stream().map(c -> Settlement.complete(c, T0)).toList());
    assertThat(store().bodies().claim(scoped(ProjectScope.all(), true)))
        .extracting(c -> c.task().namespace())
        .containsExactly(NS_A);
  }

  /** Without the hold, bodies are claimed while their namespace has pending events. */
  @Test
  default void withoutHoldBodiesAreClaimedWhilePendingEventsExist() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    store().events().enqueue(List.of(event(NS_A, null)), T0);
    assertThat(store().bodies().claim(scoped(ProjectScope.all(), false))).hasSize(1);
  }
}
