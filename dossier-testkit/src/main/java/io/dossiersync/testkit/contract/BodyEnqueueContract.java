package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.hash;
import static io.dossiersync.testkit.contract.ContractFixture.ns;
import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.core.queue.Settlement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Body enqueue rules (PRODUCT.md §3): a new task is ready at once, the same content again is {@code
 * already_in_queue} [FR-010], and a new hash for the same namespace and path supersedes the older
 * pending task, leased or not (DS-02).
 *
 * @since 0.1.0
 */
public interface BodyEnqueueContract extends ContractFixture {

  /** An enqueued body is ready at its enqueue time and claimed with every field as given. */
  @Test
  default void enqueuedBodyIsReadyAtOnceAndClaimedWithAllItsFields() {
    BodyUploadTask task = body(NS_A, "spec.md", 1);
    assertThat(store().bodies().enqueue(List.of(task), T0).statuses())
        .containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(store().bodies().claim(request(10, T0.minusMillis(1), "early"))).isEmpty();
    List<ClaimedBody> claimed = store().bodies().claim(request(10, T0, "drainer-1"));
    assertThat(claimed)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.task()).isEqualTo(task);
              assertThat(c.retryCount()).isZero();
              assertThat(c.createdAt()).isEqualTo(T0);
              assertThat(c.lease()).isEqualTo(new Lease("drainer-1", T0.plus(LEASE)));
            });
  }

  /** An empty batch reports no status and changes nothing. */
  @Test
  default void enqueueOfNothingReportsNothing() {
    assertThat(store().bodies().enqueue(List.of(), T0).statuses()).isEmpty();
    assertThat(store().events().enqueue(List.of(), T0).statuses()).isEmpty();
    assertThat(store().bodies().pending(ProjectScope.all())).isZero();
  }

  /** The same 7-field key again (in the queue or earlier in the batch) is already_in_queue. */
  @Test
  default void sameBodyTaskEnqueuedAgainIsAlreadyInQueue() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    EnqueueResult result =
        store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1), body(NS_A, "plan.md", 2)), T0);
    assertThat(result.statuses())
        .containsExactly(EnqueueStatus.ALREADY_IN_QUEUE, EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isZero();
    EnqueueResult sameBatch =
        store().bodies().enqueue(List.of(body(NS_A, "tasks.md", 3), body(NS_A, "tasks.md", 3)), T0);
    assertThat(sameBatch.statuses())
        .containsExactly(EnqueueStatus.ENQUEUED, EnqueueStatus.ALREADY_IN_QUEUE);
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(3);
  }

  /** A new hash for the same namespace and path removes the older pending task. */
  @Test
  default void newHashForSameNamespaceAndPathSupersedesOlderPendingTask() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    EnqueueResult result = store().bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0);
    assertThat(result.statuses()).containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertPendingHashes(hash(2));
  }

  /** Within one batch, the last hash of a namespace and path wins. */
  @Test
  default void supersedeWithinOneBatchKeepsTheLastHash() {
    EnqueueResult result =
        store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1), body(NS_A, "spec.md", 2)), T0);
    assertThat(result.statuses()).containsExactly(EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED);
    assertThat(result.superseded()).isEqualTo(1);
    assertPendingHashes(hash(2));
  }

  /** Going back to an older hash supersedes the newer one: the last enqueued content wins. */
  @Test
  default void anOlderHashEnqueuedAgainSupersedesTheNewerOne() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0);
    EnqueueResult back = store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    assertThat(back.statuses()).containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(back.superseded()).isEqualTo(1);
    assertPendingHashes(hash(1));
  }

  /** Supersede touches only the same five namespace fields and the same path. */
  @Test
  default void supersedeTouchesOnlyTheSameNamespaceAndPath() {
    NamespaceRef otherBranch = ns(PROJECT_A, "047-alpha", "release-2");
    store()
        .bodies()
        .enqueue(
            List.of(
                body(NS_A, "spec.md", 1),
                body(NS_A, "plan.md", 1),
                body(otherBranch, "spec.md", 1),
                body(NS_B, "spec.md", 1)),
            T0);
    EnqueueResult result = store().bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0);
    assertThat(result.superseded()).isEqualTo(1);
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(4);
  }

  /** A leased task is superseded too; the lease holder's state changes then return false. */
  @Test
  default void leasedTaskIsSupersededTooAndItsCompleteReturnsFalse() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody old = store().bodies().claim(request(1, T0, "d1")).get(0);
    assertThat(store().bodies().enqueue(List.of(body(NS_A, "spec.md", 2)), T0).superseded())
        .isEqualTo(1);
    assertThat(store().bodies().settle(List.of(Settlement.complete(old, T0)))).isEmpty();
    assertThat(
            store()
                .bodies()
                .settle(List.of(Settlement.reschedule(old, T0.plusSeconds(1), "http_503", T0))))
        .isEmpty();
    assertPendingHashes(hash(2));
  }

  /** An upload id naming another namespace or path (pending or in the batch) fails the batch. */
  @Test
  default void uploadIdOfAnotherTaskFailsTheWholeBatch() {
    BodyUploadTask first = body(NS_A, "spec.md", 1);
    store().bodies().enqueue(List.of(first), T0);
    BodyUploadTask clash =
        new BodyUploadTask(
            first.uploadId(), NS_A, "plan.md", hash(2), first.contentBody(), first.sizeBytes());
    assertThatThrownBy(
            () -> store().bodies().enqueue(List.of(body(NS_A, "tasks.md", 3), clash), T0))
        .isInstanceOf(QueueStoreException.class);
    BodyUploadTask other = body(NS_A, "plan.md", 4);
    BodyUploadTask sameId =
        new BodyUploadTask(
            other.uploadId(),
            NS_A,
            "data-model.md",
            hash(5),
            other.contentBody(),
            other.sizeBytes());
    assertThatThrownBy(() -> store().bodies().enqueue(List.of(other, sameId), T0))
        .isInstanceOf(QueueStoreException.class);
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(1);
    assertThat(store().bodies().claim(request(10, T0, "d")))
        .extracting(c -> c.task().artifactPath())
        .containsExactly("spec.md");
  }

  /**
   * Claims every ready body at {@link #T0} and checks their content hashes, in drain order.
   *
   * @param hashes the expected hashes
   */
  default void assertPendingHashes(String... hashes) {
    assertThat(store().bodies().claim(request(100, T0, "hashes")))
        .extracting(c -> c.task().contentHash())
        .containsExactly(hashes);
  }
}
