package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.hash;
import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failure record rules (DS-01): a task that leaves its queue without success is kept with its
 * namespace, path, hash, reason, attempts and times, listed oldest first, and can be re-queued as
 * new under the enqueue rules.
 *
 * @since 0.1.0
 */
public interface FailureRecordContract extends ContractFixture {

  /**
   * A failed body keeps its fields and its attempt count; its first failure time is the claim time
   * of its first failed attempt, its last failure time the time given to {@code fail}.
   */
  @Test
  default void failMovesBodyToFailureRecordsWithItsFieldsAndAttempts() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody claimed = store().bodies().claim(request(1, T0, "d")).get(0);
    store()
        .bodies()
        .settle(List.of(Settlement.reschedule(claimed, T0.plusSeconds(10), "http_503", T0)));
    claimed = store().bodies().claim(request(1, T0.plusSeconds(10), "d")).get(0);
    store()
        .bodies()
        .settle(List.of(Settlement.reschedule(claimed, T0.plusSeconds(20), "http_503", T0)));
    claimed = store().bodies().claim(request(1, T0.plusSeconds(20), "d")).get(0);
    Instant failedAt = T0.plusSeconds(21);
    assertThat(
            store()
                .bodies()
                .settle(List.of(Settlement.fail(claimed, "http_400: bad field", failedAt))))
        .hasSize(1);
    assertThat(store().bodies().settle(List.of(Settlement.fail(claimed, "again", failedAt))))
        .isEmpty();
    assertThat(store().bodies().pending(ProjectScope.all())).isZero();
    assertThat(store().failures().count()).isEqualTo(1);
    FailureRecord record = store().failures().list(10).get(0);
    assertThat(record.kind()).isEqualTo(FailureKind.BODY);
    assertThat(record.projectUuid()).isEqualTo(PROJECT_A);
    assertThat(record.featureSlug()).isEqualTo("047-alpha");
    assertThat(record.artifactPath()).contains("spec.md");
    assertThat(record.contentHash()).contains(hash(1));
    assertThat(record.reason()).isEqualTo("http_400: bad field");
    assertThat(record.attempts()).isEqualTo(3);
    assertThat(record.lastFailedAt()).isEqualTo(failedAt);
    assertThat(record.firstFailedAt()).isEqualTo(T0);
  }

  /** A failed event records one attempt, and the artifact path of its payload. */
  @Test
  default void failOnTheFirstAttemptRecordsOneAttemptAtThatTime() {
    store().events().enqueue(List.of(event(NS_B, null)), T0);
    ClaimedEvent claimed = store().events().claim(request(1, T0, "e")).get(0);
    assertThat(
            store()
                .events()
                .settle(List.of(Settlement.fail(claimed, "rejected: schema", T0.plusSeconds(1)))))
        .hasSize(1);
    assertThat(
            store()
                .events()
                .settle(List.of(Settlement.fail(claimed, "rejected: schema", T0.plusSeconds(1)))))
        .isEmpty();
    assertThat(store().events().pending(ProjectScope.all())).isZero();
    assertThat(store().failures().list(10))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FailureKind.EVENT);
              assertThat(r.projectUuid()).isEqualTo(PROJECT_B);
              assertThat(r.featureSlug()).isEqualTo("047-alpha");
              assertThat(r.artifactPath()).contains("spec.md");
              assertThat(r.contentHash()).isEmpty();
              assertThat(r.reason()).isEqualTo("rejected: schema");
              assertThat(r.attempts()).isEqualTo(1);
              assertThat(r.firstFailedAt()).isEqualTo(T0.plusSeconds(1));
              assertThat(r.lastFailedAt()).isEqualTo(T0.plusSeconds(1));
            });
  }

  /** Records are listed oldest first, up to the limit, and counted in the stats. */
  @Test
  default void failureRecordsAreListedOldestFirstUpToTheLimit() {
    for (int i = 1; i <= 3; i++) {
      failBody(body(NS_A, "r" + i + ".md", i), T0.plusSeconds(i));
    }
    assertThat(store().failures().list(10))
        .extracting(r -> r.artifactPath().orElseThrow())
        .containsExactly("r1.md", "r2.md", "r3.md");
    assertThat(store().failures().list(2)).hasSize(2);
    assertThat(store().stats(T0).failures()).isEqualTo(3);
  }

  /** A re-queued body is new (no retries), ready at once, body intact; its record is gone. */
  @Test
  default void requeuePutsTheTaskBackAsNewReadyAtOnceAndDeletesTheRecord() {
    BodyUploadTask task = body(NS_A, "spec.md", 1);
    failBody(task, T0.plusSeconds(1));
    long id = store().failures().list(1).get(0).id();
    Instant later = T0.plusSeconds(100);
    assertThat(store().failures().requeue(List.of(id, 987_654L), later)).isEqualTo(1);
    assertThat(store().failures().count()).isZero();
    assertThat(store().bodies().claim(request(10, later.minusMillis(1), "early"))).isEmpty();
    assertThat(store().bodies().claim(request(10, later, "d")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.retryCount()).isZero();
              assertThat(c.task().namespace()).isEqualTo(NS_A);
              assertThat(c.task().artifactPath()).isEqualTo("spec.md");
              assertThat(c.task().contentHash()).isEqualTo(hash(1));
              assertThat(c.task().contentBody()).isEqualTo(task.contentBody());
              assertThat(c.task().sizeBytes()).isEqualTo(task.sizeBytes());
            });
  }

  /** Re-queueing a body that is pending again is not counted and drops the record. */
  @Test
  default void requeueOfABodyAlreadyPendingIsNotCountedAndDropsTheRecord() {
    failBody(body(NS_A, "spec.md", 1), T0.plusSeconds(1));
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0.plusSeconds(2));
    assertThat(store().failures().requeueAll(T0.plusSeconds(3))).isZero();
    assertThat(store().failures().count()).isZero();
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  /** Re-queueing a body whose path has a newer hash pending drops the record: newer wins. */
  @Test
  default void requeueOfABodyWithANewerHashPendingDropsTheRecord() {
    failBody(body(NS_A, "spec.md", 1), T0.plusSeconds(1));
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0.plusSeconds(2));
    long id = store().failures().list(1).get(0).id();
    assertThat(store().failures().requeue(List.of(id), T0.plusSeconds(3))).isZero();
    assertThat(store().failures().count()).isZero();
    assertThat(store().bodies().claim(request(10, T0.plusSeconds(3), "d")))
        .extracting(c -> c.task().contentHash())
        .containsExactly(hash(2));
  }

  /** Re-queueing an event whose coalesce key has a newer pending event drops the record. */
  @Test
  default void requeueOfAnEventWithANewerCoalescedEventPendingDropsTheRecord() {
    failEvent(event(NS_A, "snapshot|A"));
    EventRecord newer = event(NS_A, "snapshot|A");
    store().events().enqueue(List.of(newer), T0.plusSeconds(1));
    assertThat(store().failures().requeueAll(T0.plusSeconds(2))).isZero();
    assertThat(store().failures().count()).isZero();
    assertThat(store().events().claim(request(10, T0.plusSeconds(2), "e2")))
        .extracting(c -> c.event().eventId())
        .containsExactly(newer.eventId());
  }

  /** requeueAll puts both events and bodies back, the events exactly as they were. */
  @Test
  default void requeueAllPutsEventsAndBodiesBack() {
    failBody(body(NS_A, "spec.md", 1), T0.plusSeconds(1));
    EventRecord event = event(NS_A, "snapshot|A");
    failEvent(event);
    assertThat(store().failures().requeueAll(T0.plusSeconds(5))).isEqualTo(2);
    assertThat(store().failures().count()).isZero();
    assertThat(store().events().claim(request(10, T0.plusSeconds(5), "e2")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.event()).isEqualTo(event);
              assertThat(c.retryCount()).isZero();
            });
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  /** Enqueues an event, claims it and fails it ({@code rejected}), all at {@link #T0}. */
  private void failEvent(EventRecord event) {
    store().events().enqueue(List.of(event), T0);
    ClaimedEvent claimed = store().events().claim(request(1, T0, "e")).get(0);
    store().events().settle(List.of(Settlement.fail(claimed, "rejected", T0)));
  }
}
