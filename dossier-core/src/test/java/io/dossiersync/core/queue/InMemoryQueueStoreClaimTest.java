package io.dossiersync.core.queue;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.PROJECT_B;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.body;
import static io.dossiersync.core.queue.QueueTestData.claim;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static io.dossiersync.core.queue.QueueTestData.plainEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryQueueStoreClaimTest {

  private final InMemoryQueueStore store = InMemoryQueueStore.create();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void claimsOldestFirstByNextAttemptThenCreation() {
    BodyUploadTask a = body("a.md", "1");
    BodyUploadTask b = body("b.md", "1");
    BodyUploadTask c = body("c.md", "1");
    store.bodies().enqueue(List.of(a, b), T0);
    store.bodies().enqueue(List.of(c), T0.plusSeconds(1));
    ClaimedBody first = store.bodies().claim(claim(1, T0, "d1")).get(0);
    store.bodies().settle(List.of(Settlement.reschedule(first, T0.plusSeconds(2), "http_503", T0)));

    List<ClaimedBody> claimed = store.bodies().claim(claim(10, T0.plusSeconds(5), "d2"));

    assertThat(claimed).extracting(x -> x.task().artifactPath()).containsExactly("b.md", "c.md",
        "a.md");
    assertThat(claimed.get(2).retryCount()).isEqualTo(1);
    assertThat(claimed.get(0).lease()).isEqualTo(new Lease("d2", T0.plusSeconds(305)));
  }

  @Test
  void aTaskInBackoffOrUnderLeaseIsNotClaimedUntilDue() {
    store.bodies().enqueue(List.of(body("a.md", "1")), T0);
    assertThat(store.bodies().claim(claim(10, T0.minusSeconds(1), "early"))).isEmpty();
    assertThat(store.bodies().claim(claim(10, T0, "d1"))).hasSize(1);

    assertThat(store.bodies().claim(claim(10, T0.plusSeconds(299), "d2"))).isEmpty();
    List<ClaimedBody> takenOver = store.bodies().claim(claim(10, T0.plusSeconds(300), "d2"));

    assertThat(takenOver).hasSize(1);
  }

  @Test
  void aTakenOverLeaseFencesTheFormerOwner() {
    store.bodies().enqueue(List.of(body("a.md", "1")), T0);
    ClaimedBody stale = store.bodies().claim(claim(1, T0, "d1")).get(0);
    ClaimedBody fresh = store.bodies().claim(claim(1, T0.plusSeconds(400), "d2")).get(0);

    assertThat(store.bodies().settle(List.of(Settlement.complete(stale, T0)))).isEmpty();
    assertThat(store.bodies().settle(List.of(Settlement.reschedule(stale, T0, "x", T0)))).isEmpty();
    assertThat(store.bodies().settle(List.of(Settlement.release(stale, T0)))).isEmpty();
    assertThat(store.bodies().settle(List.of(Settlement.fail(stale, "x", T0)))).isEmpty();
    assertThat(store.bodies().settle(List.of(Settlement.complete(fresh, T0)))).hasSize(1);
    assertThat(store.bodies().pending(ProjectScope.all())).isZero();
  }

  @Test
  void anExpiredLeaseNotTakenOverStillActs() {
    store.bodies().enqueue(List.of(body("a.md", "1")), T0);
    ClaimedBody late = store.bodies().claim(claim(1, T0, "d1")).get(0);

    assertThat(store.bodies().settle(List.of(Settlement.complete(late, T0)))).hasSize(1);
  }

  @Test
  void releaseKeepsRetryCountAndNextAttempt() {
    store.bodies().enqueue(List.of(body("a.md", "1")), T0);
    ClaimedBody claimed = store.bodies().claim(claim(1, T0, "d1")).get(0);
    store.bodies().settle(List.of(Settlement.reschedule(claimed, T0.plusSeconds(8), "rate_limited",
        T0)));
    ClaimedBody again = store.bodies().claim(claim(1, T0.plusSeconds(8), "d1")).get(0);

    assertThat(store.bodies().settle(List.of(Settlement.release(again, T0)))).hasSize(1);
    assertThat(store.bodies().settle(List.of(Settlement.release(again, T0)))).isEmpty();

    assertThat(store.bodies().nextDue(ProjectScope.all(), T0).at()).contains(T0.plusSeconds(8));
    assertThat(store.bodies().claim(claim(1, T0.plusSeconds(8), "d2")).get(0).retryCount())
        .isEqualTo(1);
  }

  @Test
  void onlyProjectsInScopeAreClaimed() {
    store.bodies().enqueue(List.of(body("a.md", "1"), body(namespace(PROJECT_B, "002-x"), "b.md",
        "1")), T0);
    ClaimRequest onlyB =
        new ClaimRequest(10, T0, Duration.ofMinutes(1), "d", ProjectScope.of(Set.of(PROJECT_B)),
            false);
    ClaimRequest none =
        new ClaimRequest(10, T0, Duration.ofMinutes(1), "d", ProjectScope.of(Set.of()), false);

    assertThat(store.bodies().claim(none)).isEmpty();
    assertThat(store.bodies().claim(onlyB)).extracting(c -> c.task().artifactPath())
        .containsExactly("b.md");
    assertThat(store.bodies().projects()).containsExactly(PROJECT_B, PROJECT_A);
    assertThat(store.bodies().pending(ProjectScope.of(Set.of(PROJECT_A)))).isEqualTo(1);
  }

  @Test
  void bodiesOfANamespaceWithPendingEventsAreHeldWhenAsked() {
    NamespaceRef other = namespace(PROJECT_A, "002-other");
    store.events().enqueue(List.of(plainEvent(ns)), T0);
    store.bodies().enqueue(List.of(body("a.md", "1"), body(other, "b.md", "1")), T0);
    ClaimRequest holding =
        new ClaimRequest(10, T0, Duration.ofMinutes(1), "d", ProjectScope.all(), true);

    assertThat(store.bodies().claim(holding)).extracting(c -> c.task().artifactPath())
        .containsExactly("b.md");
    assertThat(store.bodies().claim(claim(10, T0, "d2"))).extracting(c -> c.task().artifactPath())
        .containsExactly("a.md");
  }

  @Test
  void eventsFollowTheSameLeaseRules() {
    EventRecord event = plainEvent(ns);
    store.events().enqueue(List.of(event), T0);
    List<ClaimedEvent> claimed = store.events().claim(claim(10, T0, "d1"));

    assertThat(store.events().claim(claim(10, T0, "d2"))).isEmpty();
    assertThat(store.events().settle(claimed.stream().map(c -> Settlement.reschedule(c,
        T0.plusSeconds(4), "http_503", T0)).toList())).hasSize(1);
    assertThat(store.events().settle(claimed.stream().map(c -> Settlement.release(c, T0)).toList()))
        .isEmpty();
    assertThat(store.events().nextDue(ProjectScope.all(), T0).at()).contains(T0.plusSeconds(4));
    List<ClaimedEvent> again = store.events().claim(claim(10, T0.plusSeconds(4), "d3"));
    assertThat(again).singleElement().satisfies(c -> assertThat(c.retryCount()).isEqualTo(1));
    assertThat(store.events().nextDue(ProjectScope.all(), T0).at()).contains(T0.plusSeconds(304));
    assertThat(store.events().settle(again.stream().map(c -> Settlement.release(c, T0)).toList()))
        .hasSize(1);
    assertThat(store.events().settle(store.events().claim(claim(10, T0.plusSeconds(4), "d4"))
        .stream().map(c -> Settlement.complete(c, T0)).toList()))
        .hasSize(1);
    assertThat(store.events().nextDue(ProjectScope.all(), T0).at()).isEmpty();
  }

  @Test
  void nextDueConsidersOnlyTheScope() {
    store.bodies().enqueue(List.of(body("a.md", "1")), T0.plusSeconds(50));
    store.bodies().enqueue(List.of(body(namespace(PROJECT_B, "002-x"), "b.md", "1")), T0);

    assertThat(store.bodies().nextDue(ProjectScope.of(Set.of(PROJECT_A)), T0).at())
        .contains(T0.plusSeconds(50));
    assertThat(store.bodies().nextDue(ProjectScope.all(), T0).at()).contains(T0);
    assertThat(store.bodies().nextDue(ProjectScope.of(Set.of()), T0).at()).isEmpty();
  }

  @Test
  void concurrentClaimsNeverShareATask() throws Exception {
    List<BodyUploadTask> tasks = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      tasks.add(body("f" + i + ".md", "1"));
    }
    store.bodies().enqueue(tasks, T0);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> counts = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String owner = "d" + t;
        counts.add(pool.submit(() -> claimAll(owner, seen)));
      }
      int total = 0;
      for (Future<Integer> count : counts) {
        total += count.get();
      }
      assertThat(total).isEqualTo(500);
      assertThat(seen).hasSize(500);
    } finally {
      pool.shutdownNow();
    }
  }

  private int claimAll(String owner, Set<String> seen) {
    int claimed = 0;
    Instant now = T0;
    List<ClaimedBody> batch;
    while (!(batch = store.bodies().claim(claim(7, now, owner))).isEmpty()) {
      for (ClaimedBody body : batch) {
        assertThat(seen.add(body.task().uploadId())).isTrue();
        claimed++;
      }
    }
    return claimed;
  }
}
