package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueStoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code QueueStore.enqueueDossier}, the one call a sync makes per feature: each part
 * is judged exactly as its own queue's {@code enqueue} judges it, and the call is atomic (a failure
 * keeps nothing of the feature: no events without their bodies).
 *
 * @since 0.1.0
 */
public interface DossierEnqueueContract extends ContractFixture {

  /**
   * Already in queue, coalesce, supersede and queue full come out of the combined call exactly as
   * out of the two separate calls, and leave the same tasks pending.
   */
  @Test
  default void dossierEnqueueGivesTheStatusesOfTheTwoSeparateCalls() {
    EventRecord pendingEvent = event(NS_A, null);
    List<EventRecord> eventsBefore = List.of(pendingEvent, event(NS_A, "snapshot|A"));
    List<BodyUploadTask> bodiesBefore = List.of(body(NS_A, "spec.md", 1), body(NS_A, "plan.md", 1));
    List<EventRecord> events =
        List.of(
            pendingEvent,
            event(NS_A, "snapshot|A"),
            event(NS_A, null),
            event(NS_A, null),
            event(NS_A, null));
    List<BodyUploadTask> bodies =
        List.of(
            body(NS_A, "spec.md", 1),
            body(NS_A, "plan.md", 2),
            body(NS_A, "tasks.md", 3),
            body(NS_A, "research.md", 4),
            body(NS_A, "quickstart.md", 5));
    QueueStore combined = open(4);
    QueueStore separate = open(4);
    for (QueueStore s : List.of(combined, separate)) {
      s.events().enqueue(eventsBefore, T0);
      s.bodies().enqueue(bodiesBefore, T0);
    }

    DossierEnqueueResult result = combined.enqueueDossier(events, bodies, T0);
    EnqueueResult eventsAlone = separate.events().enqueue(events, T0);
    EnqueueResult bodiesAlone = separate.bodies().enqueue(bodies, T0);

    List<EnqueueStatus> pendingThenThreeNewThenFull =
        List.of(
            EnqueueStatus.ALREADY_IN_QUEUE,
            EnqueueStatus.ENQUEUED,
            EnqueueStatus.ENQUEUED,
            EnqueueStatus.ENQUEUED,
            EnqueueStatus.QUEUE_FULL);
    assertThat(result.events().statuses()).containsExactlyElementsOf(pendingThenThreeNewThenFull);
    assertThat(result.events().superseded()).isEqualTo(1);
    assertThat(result.bodies().statuses()).containsExactlyElementsOf(pendingThenThreeNewThenFull);
    assertThat(result.bodies().superseded()).isEqualTo(1);
    assertThat(result).isEqualTo(new DossierEnqueueResult(eventsAlone, bodiesAlone));
    for (QueueStore s : List.of(combined, separate)) {
      assertThat(s.bodies().claim(request(10, T0, "d")))
          .extracting(c -> c.task().artifactPath() + "@" + c.task().contentHash().charAt(63))
          .containsExactly("spec.md@1", "plan.md@2", "tasks.md@3", "research.md@4");
      assertThat(s.events().pending(ProjectScope.all())).isEqualTo(4);
    }
  }

  /** A body batch that fails (an upload id naming another task) keeps none of the events. */
  @Test
  default void aFailedDossierEnqueueKeepsNothingOfTheFeature() {
    BodyUploadTask first = body(NS_A, "spec.md", 1);
    store().bodies().enqueue(List.of(first), T0);
    BodyUploadTask clash =
        new BodyUploadTask(
            first.uploadId(),
            NS_A,
            "plan.md",
            ContractFixture.hash(2),
            first.contentBody(),
            first.sizeBytes());

    assertThatThrownBy(
            () ->
                store()
                    .enqueueDossier(
                        List.of(event(NS_A, "snapshot|A"), event(NS_A, null)),
                        List.of(body(NS_A, "tasks.md", 3), clash),
                        T0))
        .isInstanceOf(QueueStoreException.class);

    assertThat(store().events().pending(ProjectScope.all())).isZero();
    assertThat(store().bodies().claim(request(10, T0, "d")))
        .extracting(c -> c.task().artifactPath())
        .containsExactly("spec.md");
  }

  /** An empty part writes nothing and answers no status; the other part is enqueued. */
  @Test
  default void anEmptyPartOfADossierIsNotWritten() {
    EnqueueResult none = EnqueueResult.none();
    assertThat(store().enqueueDossier(List.of(), List.of(), T0))
        .isEqualTo(new DossierEnqueueResult(none, none));
    DossierEnqueueResult eventsOnly =
        store().enqueueDossier(List.of(event(NS_A, null)), List.of(), T0);
    assertThat(eventsOnly.events().statuses()).containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(eventsOnly.bodies()).isEqualTo(none);
    DossierEnqueueResult bodiesOnly =
        store().enqueueDossier(List.of(), List.of(body(NS_A, "spec.md", 1)), T0);
    assertThat(bodiesOnly.events()).isEqualTo(none);
    assertThat(bodiesOnly.bodies().statuses()).containsExactly(EnqueueStatus.ENQUEUED);
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(1);
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(1);
  }
}
