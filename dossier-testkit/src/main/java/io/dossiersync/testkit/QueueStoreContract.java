package io.dossiersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyQueueStats;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventQueueStats;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of the {@link QueueStore} port (the Javadoc of {@code EventQueue}, {@code BodyQueue},
 * {@code FailureRecords}, {@code ClaimRequest} and {@code QueueStore}) as a JUnit 5 suite. Every
 * implementation proves itself by extending it; each test is named after the rule it checks.
 *
 * <pre>{@code
 * class MyQueueStoreTest extends QueueStoreContract {
 *   protected QueueStore createStore(int maxQueueSize) {
 *     return new MyQueueStore(maxQueueSize);
 *   }
 * }
 * }</pre>
 *
 * <p>The suite assumes nothing about storage: all times are whole milliseconds (a durable store
 * may keep no more), and the store sees time only through the instants passed to it. Each test
 * gets a fresh store from {@link #createStore(int)}; {@link #destroyStore(QueueStore)} is called
 * for every store after the test.
 */
public abstract class QueueStoreContract {

  /** The instant every test starts from. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  /** The lease duration of the claims of this suite. */
  protected static final Duration LEASE = Duration.ofSeconds(60);
  /** A first project. */
  protected static final String PROJECT_A = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";
  /** A second project. */
  protected static final String PROJECT_B = "1f0c5a52-3c3e-4a43-9d55-0c8d2f3e8b11";
  /** A feature of project A. */
  protected static final NamespaceRef NS_A = ns(PROJECT_A, "047-alpha", "main");
  /** Another feature of project A. */
  protected static final NamespaceRef NS_A2 = ns(PROJECT_A, "beta-01KT5YTQ", "main");
  /** The same feature slug as {@link #NS_A} in project B. */
  protected static final NamespaceRef NS_B = ns(PROJECT_B, "047-alpha", "main");

  private final List<QueueStore> opened = new ArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private QueueStore store;

  /** Creates the suite; subclasses supply the stores. */
  protected QueueStoreContract() {}

  /**
   * Creates a new, empty store.
   *
   * @param maxQueueSize the capacity of each queue
   * @return a store that no other test uses
   */
  protected abstract QueueStore createStore(int maxQueueSize);

  /**
   * Cleans up after a store; the default closes it.
   *
   * @param store a store returned by {@link #createStore(int)}
   */
  protected void destroyStore(QueueStore store) {
    store.close();
  }

  @BeforeEach
  final void openDefaultStore() {
    store = open(1_000);
  }

  @AfterEach
  final void destroyStores() {
    opened.forEach(this::destroyStore);
  }

  private QueueStore open(int maxQueueSize) {
    QueueStore created = createStore(maxQueueSize);
    opened.add(created);
    return created;
  }

  // ---- enqueue, idempotency, supersede, coalescing ----

  @Test
  void enqueuedBodyIsReadyAtOnceAndClaimedWithAllItsFields() {
    BodyUploadTask task = body(NS_A, "spec.md", 1);
    assertThat(store.bodies().enqueue(List.of(task), T0).statuses())
        .containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(store.bodies().claim(request(10, T0.minusMillis(1), "early"))).isEmpty();
    List<ClaimedBody> claimed = store.bodies().claim(request(10, T0, "drainer-1"));
    assertThat(claimed).singleElement().satisfies(c -> {
      assertThat(c.task()).isEqualTo(task);
      assertThat(c.retryCount()).isZero();
      assertThat(c.createdAt()).isEqualTo(T0);
      assertThat(c.lease()).isEqualTo(new Lease("drainer-1", T0.plus(LEASE)));
    });
  }

  @Test
  void enqueueOfNothingReportsNothing() {
    assertThat(store.bodies().enqueue(List.of(), T0).statuses()).isEmpty();
    assertThat(store.events().enqueue(List.of(), T0).statuses()).isEmpty();
  }

  @Test
  void sameBodyTaskEnqueuedAgainIsAlreadyInQueue() {
    BodyUploadTask task = body(NS_A, "spec.md", 1);
    store.bodies().enqueue(List.of(task), T0);
    BodyUploadTask again = body(NS_A, "spec.md", 1);
    EnqueueResult result = store.bodies().enqueue(List.of(again, body(NS_A, "plan.md", 2)), T0);
    assertThat(result.statuses())
        .containsExactly(EnqueueStatus.ALREADY_IN_QUEUE, EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isZero();
    EnqueueResult sameBatch = store.bodies().enqueue(
        List.of(body(NS_A, "tasks.md", 3), body(NS_A, "tasks.md", 3)), T0);
    assertThat(sameBatch.statuses())
        .containsExactly(EnqueueStatus.ENQUEUED, EnqueueStatus.ALREADY_IN_QUEUE);
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(3);
  }

  @Test
  void newHashForSameNamespaceAndPathSupersedesOlderPendingTask() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    EnqueueResult result = store.bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0);
    assertThat(result.statuses()).containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store.bodies().claim(request(10, T0, "d"))).extracting(c -> c.task().contentHash())
        .containsExactly(hash(2));
  }

  @Test
  void supersedeWithinOneBatchKeepsTheLastHash() {
    EnqueueResult result = store.bodies().enqueue(
        List.of(body(NS_A, "spec.md", 1), body(NS_A, "spec.md", 2)), T0);
    assertThat(result.statuses()).containsExactly(EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store.bodies().claim(request(10, T0, "d"))).extracting(c -> c.task().contentHash())
        .containsExactly(hash(2));
  }

  @Test
  void supersedeTouchesOnlyTheSameNamespaceAndPath() {
    NamespaceRef otherBranch = ns(PROJECT_A, "047-alpha", "release-2");
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1), body(NS_A, "plan.md", 1),
        body(otherBranch, "spec.md", 1), body(NS_B, "spec.md", 1)), T0);
    EnqueueResult result = store.bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(4);
  }

  @Test
  void leasedTaskIsSupersededTooAndItsCompleteReturnsFalse() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody old = store.bodies().claim(request(1, T0, "d1")).get(0);
    assertThat(store.bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0).superseded())
        .isEqualTo(1);
    assertThat(store.bodies().complete(old)).isFalse();
    assertThat(store.bodies().reschedule(old, T0.plusSeconds(1), "http_503")).isFalse();
    assertThat(store.bodies().claim(request(10, T0, "d2"))).extracting(c -> c.task().contentHash())
        .containsExactly(hash(2));
  }

  @Test
  void enqueuedEventIsReadyAtOnceAndClaimedAsGiven() {
    EventRecord event = event(NS_A, "indexed|spec.md");
    assertThat(store.events().enqueue(List.of(event), T0).statuses())
        .containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(store.events().claim(request(10, T0.minusMillis(1), "early"))).isEmpty();
    assertThat(store.events().claim(request(10, T0, "e1"))).singleElement().satisfies(c -> {
      assertThat(c.event()).isEqualTo(event);
      assertThat(c.retryCount()).isZero();
      assertThat(c.createdAt()).isEqualTo(T0);
      assertThat(c.lease()).isEqualTo(new Lease("e1", T0.plus(LEASE)));
    });
  }

  @Test
  void sameEventIdEnqueuedAgainIsAlreadyInQueue() {
    EventRecord event = event(NS_A, null);
    store.events().enqueue(List.of(event), T0);
    assertThat(store.events().enqueue(List.of(event), T0.plusSeconds(1)).statuses())
        .containsExactly(EnqueueStatus.ALREADY_IN_QUEUE);
    assertThat(store.events().pending(ProjectScope.all())).isEqualTo(1);
  }

  @Test
  void eventWithCoalesceKeyReplacesPendingEventsOfThatKeyOnly() {
    store.events().enqueue(List.of(event(NS_A, "snapshot|A"), event(NS_A, "indexed|A|spec.md"),
        event(NS_A, null), event(NS_A, null)), T0);
    EventRecord newer = event(NS_A, "snapshot|A");
    EnqueueResult result = store.events().enqueue(List.of(newer), T0.plusSeconds(1));
    assertThat(result.statuses()).containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store.events().pending(ProjectScope.all())).isEqualTo(4);
    assertThat(store.events().claim(request(10, T0.plusSeconds(1), "e")))
        .extracting(c -> c.event().coalesceKey())
        .containsOnlyOnce(Optional.of("snapshot|A"))
        .contains(Optional.of("indexed|A|spec.md"));
  }

  // ---- capacity ----

  @Test
  void bodiesPastMaxQueueSizeAreQueueFullForTheRestOfTheBatch() {
    QueueStore small = open(3);
    List<BodyUploadTask> tasks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tasks.add(body(NS_A, "research/r" + i + ".md", i));
    }
    assertThat(small.bodies().enqueue(tasks, T0).statuses()).containsExactly(
        EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED,
        EnqueueStatus.QUEUE_FULL, EnqueueStatus.QUEUE_FULL);
    assertThat(small.bodies().enqueue(List.of(body(NS_A, "x.md", 9)), T0).statuses())
        .containsExactly(EnqueueStatus.QUEUE_FULL);
    assertThat(small.bodies().pending(ProjectScope.all())).isEqualTo(3);
    ClaimedBody one = small.bodies().claim(request(1, T0, "d")).get(0);
    assertThat(small.bodies().complete(one)).isTrue();
    assertThat(small.bodies().enqueue(List.of(body(NS_A, "x.md", 9)), T0).statuses())
        .containsExactly(EnqueueStatus.ENQUEUED);
  }

  @Test
  void capacityIsCountedPerQueue() {
    QueueStore small = open(2);
    small.bodies().enqueue(List.of(body(NS_A, "a.md", 1), body(NS_A, "b.md", 2)), T0);
    assertThat(small.events().enqueue(List.of(event(NS_A, null), event(NS_A, null),
        event(NS_A, null)), T0).statuses()).containsExactly(
        EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED, EnqueueStatus.QUEUE_FULL);
    assertThat(small.events().pending(ProjectScope.all())).isEqualTo(2);
    assertThat(small.bodies().pending(ProjectScope.all())).isEqualTo(2);
  }

  // ---- claiming ----

  @Test
  void claimTakesOldestFirstByNextAttemptThenCreationOrder() {
    store.bodies().enqueue(List.of(body(NS_A, "a.md", 1)), T0);
    store.bodies().enqueue(List.of(body(NS_A, "b.md", 2)), T0.plusSeconds(1));
    store.bodies().enqueue(List.of(body(NS_A, "c.md", 3), body(NS_A, "d.md", 4)),
        T0.plusSeconds(2));
    ClaimedBody first = store.bodies().claim(request(1, T0.plusSeconds(5), "d1")).get(0);
    assertThat(first.task().artifactPath()).isEqualTo("a.md");
    store.bodies().reschedule(first, T0.plusSeconds(3), "http_503");
    assertThat(store.bodies().claim(request(10, T0.plusSeconds(10), "d2")))
        .extracting(c -> c.task().artifactPath())
        .containsExactly("b.md", "c.md", "d.md", "a.md");
  }

  @Test
  void claimReturnsAtMostMaxTasksAndNeverTheSameTaskTwice() {
    for (int i = 0; i < 10; i++) {
      store.bodies().enqueue(List.of(body(NS_A, "r" + i + ".md", i)), T0);
    }
    List<String> seen = new ArrayList<>();
    for (int expected : new int[] {4, 4, 2, 0}) {
      List<ClaimedBody> claimed = store.bodies().claim(request(4, T0, "d" + expected));
      assertThat(claimed).hasSize(expected);
      claimed.forEach(c -> seen.add(c.task().uploadId()));
    }
    assertThat(seen).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void leaseIsExclusiveUntilItExpiresThenAnotherOwnerReclaimsTheTask() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody first = store.bodies().claim(request(1, T0, "d1")).get(0);
    assertThat(store.bodies().claim(request(1, T0.plus(LEASE).minusMillis(1), "d2"))).isEmpty();
    ClaimedBody second = store.bodies().claim(request(1, T0.plus(LEASE), "d2")).get(0);
    assertThat(second.task()).isEqualTo(first.task());
    assertThat(store.bodies().complete(first)).isFalse();
    assertThat(store.bodies().release(first)).isFalse();
    assertThat(store.bodies().fail(first, "http_400", T0.plus(LEASE))).isFalse();
    assertThat(store.bodies().complete(second)).isTrue();
    assertThat(store.bodies().pending(ProjectScope.all())).isZero();
  }

  @Test
  void stateChangesAreFencedByTheLeaseOwner() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody mine = store.bodies().claim(request(1, T0, "d1")).get(0);
    ClaimedBody forged = new ClaimedBody(mine.task(), 0, T0, new Lease("intruder", T0.plus(LEASE)));
    assertThat(store.bodies().complete(forged)).isFalse();
    assertThat(store.bodies().reschedule(forged, T0, "x")).isFalse();
    assertThat(store.bodies().release(forged)).isFalse();
    assertThat(store.bodies().fail(forged, "x", T0)).isFalse();
    assertThat(store.failures().count()).isZero();
    assertThat(store.bodies().claim(request(1, T0.plusSeconds(1), "d2"))).isEmpty();
    assertThat(store.bodies().complete(mine)).isTrue();
    assertThat(store.bodies().complete(mine)).isFalse();
  }

  @Test
  void rescheduleCountsARetryDropsTheLeaseAndWaitsUntilTheNextAttempt() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody claimed = store.bodies().claim(request(1, T0, "d1")).get(0);
    assertThat(store.bodies().reschedule(claimed, T0.plusSeconds(30), "http_503")).isTrue();
    assertThat(store.bodies().claim(request(1, T0.plusSeconds(30).minusMillis(1), "d2"))).isEmpty();
    ClaimedBody again = store.bodies().claim(request(1, T0.plusSeconds(30), "d2")).get(0);
    assertThat(again.retryCount()).isEqualTo(1);
    assertThat(again.createdAt()).isEqualTo(T0);
    assertThat(again.task()).isEqualTo(claimed.task());
  }

  @Test
  void releaseKeepsRetryCountAndNextAttemptAndFreesTheTaskAtOnce() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody claimed = store.bodies().claim(request(1, T0, "d1")).get(0);
    store.bodies().reschedule(claimed, T0.plusSeconds(30), "http_503");
    ClaimedBody retried = store.bodies().claim(request(1, T0.plusSeconds(30), "d2")).get(0);
    assertThat(store.bodies().release(retried)).isTrue();
    ClaimedBody released = store.bodies().claim(request(1, T0.plusSeconds(30), "d3")).get(0);
    assertThat(released.retryCount()).isEqualTo(1);
    assertThat(released.lease().owner()).isEqualTo("d3");
  }

  @Test
  void eventCompleteRescheduleAndReleaseCountOnlyEventsStillLeased() {
    store.events().enqueue(List.of(event(NS_A, null), event(NS_A, null), event(NS_A, null)), T0);
    List<ClaimedEvent> claimed = store.events().claim(request(3, T0, "e1"));
    assertThat(store.events().release(claimed.subList(0, 1))).isEqualTo(1);
    List<ClaimedEvent> reclaimed = store.events().claim(request(3, T0, "e2"));
    assertThat(reclaimed).hasSize(1);
    assertThat(store.events().complete(claimed)).isEqualTo(2);
    assertThat(store.events().reschedule(reclaimed, T0.plusSeconds(2), "http_503")).isEqualTo(1);
    assertThat(store.events().claim(request(3, T0.plusSeconds(1), "e3"))).isEmpty();
    assertThat(store.events().claim(request(3, T0.plusSeconds(2), "e3")))
        .singleElement().satisfies(c -> assertThat(c.retryCount()).isEqualTo(1));
  }

  @Test
  void claimTakesOnlyProjectsInScope() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1), body(NS_B, "spec.md", 2)), T0);
    store.events().enqueue(List.of(event(NS_A, null), event(NS_B, null)), T0);
    ProjectScope onlyB = ProjectScope.of(Set.of(PROJECT_B));
    assertThat(store.bodies().claim(scoped(onlyB, false)))
        .extracting(c -> c.task().namespace()).containsExactly(NS_B);
    assertThat(store.events().claim(scoped(onlyB, false)))
        .extracting(c -> c.event().namespace()).containsExactly(NS_B);
    assertThat(store.bodies().claim(scoped(ProjectScope.of(Set.of()), false))).isEmpty();
    assertThat(store.bodies().pending(onlyB)).isEqualTo(1);
    assertThat(store.bodies().pending(ProjectScope.of(Set.of()))).isZero();
    assertThat(store.events().pending(ProjectScope.all())).isEqualTo(2);
  }

  @Test
  void holdNamespacesWithPendingEventsKeepsThoseBodiesQueued() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1), body(NS_A2, "spec.md", 2)), T0);
    store.events().enqueue(List.of(event(NS_A, null)), T0);
    assertThat(store.bodies().claim(scoped(ProjectScope.all(), true)))
        .extracting(c -> c.task().namespace()).containsExactly(NS_A2);
    List<ClaimedEvent> events = store.events().claim(scoped(ProjectScope.all(), true));
    assertThat(events).hasSize(1);
    assertThat(store.bodies().claim(scoped(ProjectScope.all(), true))).isEmpty();
    store.events().complete(events);
    assertThat(store.bodies().claim(scoped(ProjectScope.all(), true)))
        .extracting(c -> c.task().namespace()).containsExactly(NS_A);
  }

  @Test
  void withoutHoldBodiesAreClaimedWhileEventsArePending() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    store.events().enqueue(List.of(event(NS_A, null)), T0);
    assertThat(store.bodies().claim(scoped(ProjectScope.all(), false))).hasSize(1);
  }

  // ---- failure records ----

  @Test
  void failMovesBodyToFailureRecordsWithItsFieldsAndAttempts() {
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody claimed = store.bodies().claim(request(1, T0, "d")).get(0);
    store.bodies().reschedule(claimed, T0.plusSeconds(10), "http_503");
    claimed = store.bodies().claim(request(1, T0.plusSeconds(10), "d")).get(0);
    store.bodies().reschedule(claimed, T0.plusSeconds(20), "http_503");
    claimed = store.bodies().claim(request(1, T0.plusSeconds(20), "d")).get(0);
    Instant failedAt = T0.plusSeconds(21);
    assertThat(store.bodies().fail(claimed, "http_400: bad field", failedAt)).isTrue();
    assertThat(store.bodies().fail(claimed, "again", failedAt)).isFalse();
    assertThat(store.bodies().pending(ProjectScope.all())).isZero();
    assertThat(store.failures().count()).isEqualTo(1);
    FailureRecord record = store.failures().list(10).get(0);
    assertThat(record.kind()).isEqualTo(FailureKind.BODY);
    assertThat(record.projectUuid()).isEqualTo(PROJECT_A);
    assertThat(record.featureSlug()).isEqualTo("047-alpha");
    assertThat(record.artifactPath()).contains("spec.md");
    assertThat(record.contentHash()).contains(hash(1));
    assertThat(record.reason()).isEqualTo("http_400: bad field");
    assertThat(record.attempts()).isEqualTo(3);
    assertThat(record.lastFailedAt()).isEqualTo(failedAt);
    assertThat(record.firstFailedAt()).isBetween(T0, failedAt);
  }

  @Test
  void failOnTheFirstAttemptRecordsOneAttemptAtThatTime() {
    store.events().enqueue(List.of(event(NS_B, null)), T0);
    ClaimedEvent claimed = store.events().claim(request(1, T0, "e")).get(0);
    assertThat(store.events().fail(claimed, "rejected: schema", T0.plusSeconds(1))).isTrue();
    assertThat(store.events().fail(claimed, "rejected: schema", T0.plusSeconds(1))).isFalse();
    assertThat(store.events().pending(ProjectScope.all())).isZero();
    assertThat(store.failures().list(10)).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(FailureKind.EVENT);
      assertThat(r.projectUuid()).isEqualTo(PROJECT_B);
      assertThat(r.featureSlug()).isEqualTo("047-alpha");
      assertThat(r.reason()).isEqualTo("rejected: schema");
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.firstFailedAt()).isEqualTo(T0.plusSeconds(1));
      assertThat(r.lastFailedAt()).isEqualTo(T0.plusSeconds(1));
    });
  }

  @Test
  void failureRecordsAreListedOldestFirstUpToTheLimit() {
    for (int i = 1; i <= 3; i++) {
      failBody(body(NS_A, "r" + i + ".md", i), T0.plusSeconds(i));
    }
    assertThat(store.failures().list(10)).extracting(r -> r.artifactPath().orElseThrow())
        .containsExactly("r1.md", "r2.md", "r3.md");
    assertThat(store.failures().list(2)).hasSize(2);
    assertThat(store.stats(T0).failures()).isEqualTo(3);
  }

  @Test
  void requeuePutsTheTaskBackAsNewReadyAtOnceAndDeletesTheRecord() {
    BodyUploadTask task = body(NS_A, "spec.md", 1);
    failBody(task, T0.plusSeconds(1));
    long id = store.failures().list(1).get(0).id();
    Instant later = T0.plusSeconds(100);
    assertThat(store.failures().requeue(List.of(id, 987_654L), later)).isEqualTo(1);
    assertThat(store.failures().count()).isZero();
    assertThat(store.bodies().claim(request(10, later, "d"))).singleElement().satisfies(c -> {
      assertThat(c.retryCount()).isZero();
      assertThat(c.task().namespace()).isEqualTo(NS_A);
      assertThat(c.task().artifactPath()).isEqualTo("spec.md");
      assertThat(c.task().contentHash()).isEqualTo(hash(1));
      assertThat(c.task().contentBody()).isEqualTo(task.contentBody());
      assertThat(c.task().sizeBytes()).isEqualTo(task.sizeBytes());
    });
  }

  @Test
  void requeueOfABodyAlreadyPendingIsNotCountedAndDropsTheRecord() {
    failBody(body(NS_A, "spec.md", 1), T0.plusSeconds(1));
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0.plusSeconds(2));
    assertThat(store.failures().requeueAll(T0.plusSeconds(3))).isZero();
    assertThat(store.failures().count()).isZero();
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  @Test
  void requeueOfABodyWithANewerHashPendingDropsTheRecord() {
    failBody(body(NS_A, "spec.md", 1), T0.plusSeconds(1));
    store.bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0.plusSeconds(2));
    long id = store.failures().list(1).get(0).id();
    assertThat(store.failures().requeue(List.of(id), T0.plusSeconds(3))).isZero();
    assertThat(store.failures().count()).isZero();
    assertThat(store.bodies().claim(request(10, T0.plusSeconds(3), "d")))
        .extracting(c -> c.task().contentHash()).containsExactly(hash(2));
  }

  @Test
  void requeueAllPutsEventsAndBodiesBack() {
    failBody(body(NS_A, "spec.md", 1), T0.plusSeconds(1));
    EventRecord event = event(NS_A, "snapshot|A");
    store.events().enqueue(List.of(event), T0);
    store.events().fail(store.events().claim(request(1, T0, "e")).get(0), "rejected", T0);
    assertThat(store.failures().requeueAll(T0.plusSeconds(5))).isEqualTo(2);
    assertThat(store.failures().count()).isZero();
    assertThat(store.events().claim(request(10, T0.plusSeconds(5), "e2")))
        .singleElement().satisfies(c -> {
          assertThat(c.event()).isEqualTo(event);
          assertThat(c.retryCount()).isZero();
        });
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  // ---- stats, purge, nextDue, projects ----

  @Test
  void statsOfAnEmptyStoreAreZero() {
    assertThat(store.stats(T0).events()).isEqualTo(new EventQueueStats(0, 0, 0));
    BodyQueueStats bodies = store.stats(T0).bodies();
    assertThat(List.of(bodies.pending(), bodies.ready(), bodies.inBackoff())).containsOnly(0L);
    assertThat(bodies.oldestAge()).isEmpty();
    assertThat(bodies.retryHistogram()).isEmpty();
    assertThat(bodies.byFeature()).isEmpty();
    assertThat(store.stats(T0).failures()).isZero();
  }

  @Test
  void statsCountPendingReadyInBackoffAgeRetriesAndFeatures() {
    store.bodies().enqueue(List.of(body(NS_A, "a.md", 1), body(NS_A, "b.md", 2),
        body(NS_A, "c.md", 3), body(NS_A2, "d.md", 4)), T0);
    ClaimedBody backoff = store.bodies().claim(request(1, T0, "d")).get(0);
    store.bodies().reschedule(backoff, T0.plusSeconds(100), "http_503");
    store.bodies().claim(request(1, T0, "d"));
    store.events().enqueue(List.of(event(NS_A, null), event(NS_A, null)), T0);
    store.events().claim(request(1, T0, "e"));
    Instant now = T0.plusSeconds(7);
    BodyQueueStats bodies = store.stats(now).bodies();
    assertThat(List.of(bodies.pending(), bodies.ready(), bodies.inBackoff()))
        .containsExactly(4L, 2L, 1L);
    assertThat(bodies.oldestAge()).contains(Duration.ofSeconds(7));
    assertThat(bodies.retryHistogram()).isEqualTo(Map.of(0, 3L, 1, 1L));
    assertThat(bodies.byFeature()).isEqualTo(Map.of("047-alpha", 3L, "beta-01KT5YTQ", 1L));
    assertThat(store.stats(now).events()).isEqualTo(new EventQueueStats(2, 1, 0));
  }

  @Test
  void purgeDeletesPendingTasksOfAProjectOrFeatureAndDryRunOnlyCounts() {
    store.bodies().enqueue(List.of(body(NS_A, "a.md", 1), body(NS_A, "b.md", 2),
        body(NS_A2, "c.md", 3), body(NS_B, "a.md", 4)), T0);
    store.events().enqueue(List.of(event(NS_A, null), event(NS_B, null)), T0);
    store.bodies().claim(request(1, T0, "leased-tasks-are-purged-too"));
    assertThat(store.purge(PurgeScope.project(PROJECT_A), true)).isEqualTo(new PurgeCount(1, 3));
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(4);
    assertThat(store.purge(PurgeScope.feature("047-alpha"), false))
        .isEqualTo(new PurgeCount(2, 3));
    assertThat(store.bodies().projects()).containsExactly(PROJECT_A);
    assertThat(store.events().pending(ProjectScope.all())).isZero();
  }

  @Test
  void nextDueIsTheEarliestNextAttemptOrLeaseExpiry() {
    assertThat(store.bodies().nextDue(ProjectScope.all())).isEmpty();
    store.bodies().enqueue(List.of(body(NS_A, "a.md", 1)), T0);
    store.bodies().enqueue(List.of(body(NS_A, "b.md", 2)), T0.plusSeconds(10));
    assertThat(store.bodies().nextDue(ProjectScope.all())).contains(T0);
    Instant claimAt = T0.plusSeconds(20);
    List<ClaimedBody> both = store.bodies().claim(request(2, claimAt, "d"));
    assertThat(store.bodies().nextDue(ProjectScope.all())).contains(claimAt.plus(LEASE));
    store.bodies().reschedule(both.get(0), T0.plusSeconds(30), "http_503");
    assertThat(store.bodies().nextDue(ProjectScope.all())).contains(T0.plusSeconds(30));
    assertThat(store.bodies().nextDue(ProjectScope.of(Set.of(PROJECT_B)))).isEmpty();
    store.events().enqueue(List.of(event(NS_B, null)), T0.plusSeconds(3));
    assertThat(store.events().nextDue(ProjectScope.of(Set.of(PROJECT_B))))
        .contains(T0.plusSeconds(3));
  }

  @Test
  void projectsListsProjectsWithPendingTasksInOrder() {
    assertThat(store.bodies().projects()).isEmpty();
    store.bodies().enqueue(List.of(body(NS_A, "a.md", 1), body(NS_B, "a.md", 2),
        body(NS_A2, "a.md", 3)), T0);
    store.events().enqueue(List.of(event(NS_B, null)), T0);
    assertThat(store.bodies().projects()).containsExactly(PROJECT_B, PROJECT_A);
    assertThat(store.events().projects()).containsExactly(PROJECT_B);
  }

  // ---- concurrency ----

  @Test
  void concurrentClaimsFromSeveralThreadsNeverOverlapAndLoseNothing() throws Exception {
    int total = 120;
    List<BodyUploadTask> tasks = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      tasks.add(body(i % 2 == 0 ? NS_A : NS_B, "research/r" + i + ".md", i));
    }
    store.bodies().enqueue(tasks, T0);
    Map<String, Integer> claims = new ConcurrentHashMap<>();
    AtomicInteger lostLeases = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> drainers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String owner = "thread-" + t;
        drainers.add(() -> {
          List<ClaimedBody> batch;
          while (!(batch = store.bodies().claim(request(7, T0, owner))).isEmpty()) {
            for (ClaimedBody c : batch) {
              claims.merge(c.task().uploadId(), 1, Integer::sum);
              if (!store.bodies().complete(c)) {
                lostLeases.incrementAndGet();
              }
            }
          }
          return null;
        });
      }
      for (Future<Void> done : pool.invokeAll(drainers, 60, TimeUnit.SECONDS)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(claims).hasSize(total);
    assertThat(claims.values()).containsOnly(1);
    assertThat(lostLeases).hasValue(0);
    assertThat(store.bodies().pending(ProjectScope.all())).isZero();
  }

  // ---- fixtures ----

  /**
   * A valid namespace with mission {@code software-dev} and manifest version {@code 1}.
   *
   * @param project the project UUID
   * @param slug the feature slug
   * @param branch the target branch
   * @return the namespace
   */
  protected static NamespaceRef ns(String project, String slug, String branch) {
    return new NamespaceRef(project, slug, branch, "software-dev", "1");
  }

  /**
   * A 64-hex-digit stand-in for a content hash.
   *
   * @param n any number
   * @return {@code n} as 64 lower-case hex digits
   */
  protected static String hash(int n) {
    return String.format(Locale.ROOT, "%064x", n);
  }

  /**
   * A body task with a fresh ULID-shaped upload id and a non-ASCII body.
   *
   * @param namespace its namespace
   * @param path its artifact path
   * @param hashSeed the seed of {@link #hash(int)}
   * @return the task
   */
  protected final BodyUploadTask body(NamespaceRef namespace, String path, int hashSeed) {
    String text = "# " + path + " \u00e9t\u00e9 \u2713\nversion " + hashSeed + "\n";
    return new BodyUploadTask(nextId(), namespace, path, hash(hashSeed), text,
        text.getBytes(StandardCharsets.UTF_8).length);
  }

  /**
   * An event with a fresh ULID-shaped id and a small JSON envelope.
   *
   * @param namespace its namespace
   * @param coalesceKey its coalesce key, or null for none
   * @return the event
   */
  protected final EventRecord event(NamespaceRef namespace, @Nullable String coalesceKey) {
    String id = nextId();
    String json = "{\"event_id\":\"" + id + "\",\"event_type\":\"MissionDossierArtifactIndexed\","
        + "\"payload\":{\"relative_path\":\"spec.md\"}}";
    return new EventRecord(id, "MissionDossierArtifactIndexed", namespace.featureSlug() + ":spec.md",
        namespace, Optional.ofNullable(coalesceKey), json);
  }

  /**
   * A claim of every project, without holding bodies for events.
   *
   * @param maxTasks the most tasks
   * @param now the claim time
   * @param owner the lease owner
   * @return the request, with lease {@link #LEASE}
   */
  protected static ClaimRequest request(int maxTasks, Instant now, String owner) {
    return new ClaimRequest(maxTasks, now, LEASE, owner, ProjectScope.all(), false);
  }

  private static ClaimRequest scoped(ProjectScope scope, boolean hold) {
    return new ClaimRequest(100, T0, LEASE, "scoped", scope, hold);
  }

  private void failBody(BodyUploadTask task, Instant at) {
    store.bodies().enqueue(List.of(task), T0);
    ClaimedBody claimed = store.bodies().claim(request(1, at, "f")).get(0);
    assertThat(store.bodies().fail(claimed, "http_400", at)).isTrue();
  }

  private String nextId() {
    return String.format(Locale.ROOT, "01KT5YTQ%018d", sequence.incrementAndGet());
  }
}
