package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyQueueStats;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EventQueueStats;
import io.dossiersync.core.queue.NextDue;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Stats and queue inspection rules (PRODUCT.md §3): pending, ready and in-backoff counts per queue
 * (a task under an unexpired lease is neither ready nor in backoff), the oldest task's age, the
 * retry histogram, tasks per feature, the failure count; plus {@code nextDue} and {@code projects}.
 *
 * @since 0.1.0
 */
public interface StatsContract extends ContractFixture {

  /** An empty store has zero counts, no age, empty histograms. */
  @Test
  default void statsOfAnEmptyStoreAreZero() {
    assertThat(store().stats(T0).events()).isEqualTo(new EventQueueStats(0, 0, 0));
    BodyQueueStats bodies = store().stats(T0).bodies();
    assertThat(List.of(bodies.pending(), bodies.ready(), bodies.inBackoff())).containsOnly(0L);
    assertThat(bodies.oldestAge()).isEmpty();
    assertThat(bodies.retryHistogram()).isEmpty();
    assertThat(bodies.byFeature()).isEmpty();
    assertThat(store().stats(T0).failures()).isZero();
  }

  /** Counts, age, retry histogram and per-feature counts of a mixed queue. */
  @Test
  default void statsCountPendingReadyInBackoffAgeRetriesAndFeatures() {
    store().bodies().enqueue(bodies(NS_A, 3), T0);
    store().bodies().enqueue(List.of(body(NS_A2, "d.md", 4)), T0);
    ClaimedBody backoff = store().bodies().claim(request(1, T0, "d")).get(0);
    store()
        .bodies()
        .settle(List.of(Settlement.reschedule(backoff, T0.plusSeconds(100), "http_503", T0)));
    store().bodies().claim(request(1, T0, "d"));
    store().events().enqueue(List.of(event(NS_A, null), event(NS_A, null)), T0);
    store().events().claim(request(1, T0, "e"));
    Instant now = T0.plusSeconds(7);
    BodyQueueStats bodies = store().stats(now).bodies();
    assertThat(List.of(bodies.pending(), bodies.ready(), bodies.inBackoff()))
        .containsExactly(4L, 2L, 1L);
    assertThat(bodies.oldestAge()).contains(Duration.ofSeconds(7));
    assertThat(bodies.retryHistogram()).isEqualTo(Map.of(0, 3L, 1, 1L));
    assertThat(bodies.byFeature()).isEqualTo(Map.of("047-alpha", 3L, "beta-01KT5YTQ", 1L));
    assertThat(store().stats(now).events()).isEqualTo(new EventQueueStats(2, 1, 0));
  }

  /** The oldest age is never negative, even for a task created after the stats instant. */
  @Test
  default void oldestAgeIsZeroForATaskFromTheFuture() {
    store().bodies().enqueue(List.of(body(NS_A, "a.md", 1)), T0.plusSeconds(10));
    assertThat(store().stats(T0).bodies().oldestAge()).contains(Duration.ZERO);
    assertThat(store().stats(T0).bodies().inBackoff()).isEqualTo(1);
  }

  /** Events in backoff are counted as such until their next attempt time. */
  @Test
  default void eventStatsCountBackoffUntilTheNextAttempt() {
    store().events().enqueue(List.of(event(NS_A, null), event(NS_B, null)), T0);
    store()
        .events()
        .settle(
            store().events().claim(request(1, T0, "e")).stream()
                .map(c -> Settlement.reschedule(c, T0.plusSeconds(10), "http_503", T0))
                .toList());
    assertThat(store().stats(T0.plusSeconds(9)).events()).isEqualTo(new EventQueueStats(2, 1, 1));
    assertThat(store().stats(T0.plusSeconds(10)).events()).isEqualTo(new EventQueueStats(2, 2, 0));
  }

  /** nextDue is the earliest next attempt, or lease expiry for a leased task, in scope. */
  @Test
  default void nextDueIsTheEarliestNextAttemptOrLeaseExpiry() {
    assertThat(store().bodies().nextDue(ProjectScope.all(), T0).at()).isEmpty();
    store().bodies().enqueue(List.of(body(NS_A, "a.md", 1)), T0);
    store().bodies().enqueue(List.of(body(NS_A, "b.md", 2)), T0.plusSeconds(10));
    assertThat(store().bodies().nextDue(ProjectScope.all(), T0).at()).contains(T0);
    Instant claimAt = T0.plusSeconds(20);
    List<ClaimedBody> both = store().bodies().claim(request(2, claimAt, "d"));
    assertThat(store().bodies().nextDue(ProjectScope.all(), T0).at()).contains(claimAt.plus(LEASE));
    store()
        .bodies()
        .settle(List.of(Settlement.reschedule(both.get(0), T0.plusSeconds(30), "http_503", T0)));
    assertThat(store().bodies().nextDue(ProjectScope.all(), T0).at()).contains(T0.plusSeconds(30));
    assertThat(store().bodies().nextDue(ProjectScope.of(Set.of(PROJECT_B)), T0).at()).isEmpty();
    store().events().enqueue(List.of(event(NS_B, null)), T0.plusSeconds(3));
    assertThat(store().events().nextDue(ProjectScope.of(Set.of(PROJECT_B)), T0).at())
        .contains(T0.plusSeconds(3));
  }

  /**
   * NextDue in its four cases: empty (nothing pending), due now, due later (backoff), and held by a
   * lease (a task due by now is claimable only when another drainer's lease ends, so a drain polls
   * instead of sleeping until then).
   */
  @Test
  default void nextDueTellsDueNowDueLaterHeldByLeaseAndEmpty() {
    assertThat(store().bodies().nextDue(ProjectScope.all(), T0)).isEqualTo(NextDue.none());
    store().bodies().enqueue(List.of(body(NS_A, "a.md", 1)), T0);
    store().bodies().enqueue(List.of(body(NS_A, "b.md", 2)), T0.plusSeconds(10));
    NextDue dueNow = store().bodies().nextDue(ProjectScope.all(), T0);
    assertThat(dueNow).isEqualTo(new NextDue(Optional.of(T0), false));
    assertThat(dueNow.dueBy(T0)).isTrue();
    List<ClaimedBody> first = store().bodies().claim(request(1, T0.plusSeconds(20), "d"));
    assertThat(first).hasSize(1);
    assertThat(store().bodies().nextDue(ProjectScope.all(), T0.plusSeconds(5)))
        .isEqualTo(new NextDue(Optional.of(T0.plusSeconds(10)), true));
    store()
        .bodies()
        .settle(
            List.of(
                Settlement.reschedule(
                    first.get(0), T0.plusSeconds(60), "http_503", T0.plusSeconds(20))));
    NextDue later = store().bodies().nextDue(ProjectScope.all(), T0.plusSeconds(5));
    assertThat(later).isEqualTo(new NextDue(Optional.of(T0.plusSeconds(10)), false));
    assertThat(later.dueBy(T0.plusSeconds(5))).isFalse();
    assertThat(store().bodies().nextDue(ProjectScope.of(Set.of(PROJECT_B)), T0))
        .isEqualTo(NextDue.none());
    store().events().enqueue(List.of(event(NS_B, null)), T0.plusSeconds(3));
    store().events().claim(request(1, T0.plusSeconds(4), "d"));
    assertThat(store().events().nextDue(ProjectScope.of(Set.of(PROJECT_B)), T0.plusSeconds(4)))
        .isEqualTo(new NextDue(Optional.of(T0.plusSeconds(4).plus(LEASE)), true));
    assertThat(store().events().nextDue(ProjectScope.of(Set.of(PROJECT_B)), T0))
        .isEqualTo(new NextDue(Optional.of(T0.plusSeconds(4).plus(LEASE)), false));
  }

  /** projects lists the project UUIDs with pending tasks, per queue, in order. */
  @Test
  default void projectsListsProjectsWithPendingTasksInOrder() {
    assertThat(store().bodies().projects()).isEmpty();
    store()
        .bodies()
        .enqueue(List.of(body(NS_A, "a.md", 1), body(NS_B, "a.md", 2), body(NS_A2, "a.md", 3)), T0);
    store().events().enqueue(List.of(event(NS_B, null)), T0);
    assertThat(store().bodies().projects()).containsExactly(PROJECT_B, PROJECT_A);
    assertThat(store().events().projects()).containsExactly(PROJECT_B);
  }
}
