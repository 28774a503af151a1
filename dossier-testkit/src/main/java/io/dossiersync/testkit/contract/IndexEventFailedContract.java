package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailedIndexEvent;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md §4.2: the drain fails a body whose {@code …ArtifactIndexed} event (same namespace,
 * path and hash) went to the failure records as {@code index_event_failed}; requeueing the event's
 * record requeues those bodies with it.
 *
 * @since 0.1.0
 */
public interface IndexEventFailedContract extends ContractFixture {

  /** Requeueing an index event's record brings back its index_event_failed bodies, no other. */
  @Test
  default void requeueingAFailedIndexEventRequeuesTheBodiesThatFollowedIt() {
    BodyUploadTask spec = body(NS_A, "spec.md", 1);
    BodyUploadTask plan = body(NS_A, "plan.md", 2);
    store().bodies().enqueue(List.of(spec, plan), T0);
    store().events().enqueue(List.of(indexed("01KT5YTQIDXF00000000000001", spec)), T0);
    ClaimedEvent event = store().events().claim(request(1, T0, "d1")).get(0);
    assertThat(
            store()
                .events()
                .settle(List.of(Settlement.fail(event, "rejected: validation_error", T0))))
        .hasSize(1);
    List<ClaimedBody> bodies = store().bodies().claim(request(2, T0, "d1"));
    assertThat(
            store()
                .bodies()
                .settle(
                    List.of(
                        Settlement.fail(bodies.get(0), FailureRecords.INDEX_EVENT_FAILED, T0),
                        Settlement.fail(bodies.get(1), "namespace_not_found", T0))))
        .hasSize(2);

    List<FailureRecord> records = store().failures().list(10);
    assertThat(records)
        .extracting(FailureRecord::kind, FailureRecord::reason)
        .containsExactlyInAnyOrder(
            Tuple.tuple(FailureKind.EVENT, "rejected: validation_error"),
            Tuple.tuple(FailureKind.BODY, FailureRecords.INDEX_EVENT_FAILED),
            Tuple.tuple(FailureKind.BODY, "namespace_not_found"));

    long eventRecord =
        records.stream().filter(r -> r.kind() == FailureKind.EVENT).findFirst().orElseThrow().id();
    assertThat(store().failures().requeue(List.of(eventRecord), T0.plusSeconds(1))).isEqualTo(2);
    assertThat(store().failures().list(10))
        .extracting(FailureRecord::reason)
        .containsExactly("namespace_not_found");
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(1);
    assertThat(store().bodies().claim(request(5, T0.plusSeconds(1), "d2")))
        .extracting(b -> b.task().artifactPath())
        .containsExactly("spec.md");
  }

  /**
   * The store tells every process which index events are in the failure records: one per namespace,
   * path and hash (the latest failure time), none for events without a hash or for body records,
   * and none once the event's record is requeued.
   */
  @Test
  default void theFailedIndexEventsAreReadFromTheStoreUntilTheirRecordIsRequeued() {
    BodyUploadTask spec = body(NS_A, "spec.md", 1);
    store()
        .events()
        .enqueue(List.of(indexed("01KT5YTQIDXF00000000000011", spec), event(NS_A2, null)), T0);
    List<ClaimedEvent> first = store().events().claim(request(2, T0, "d1"));
    assertThat(
            store()
                .events()
                .settle(
                    first.stream()
                        .map(
                            e ->
                                Settlement.fail(e, "rejected: validation_error", T0.plusSeconds(1)))
                        .toList()))
        .hasSize(2);
    store().events().enqueue(List.of(indexed("01KT5YTQIDXF00000000000012", spec)), T0);
    ClaimedEvent again = store().events().claim(request(1, T0, "d2")).get(0);
    assertThat(
            store()
                .events()
                .settle(
                    List.of(
                        Settlement.fail(again, "rejected: validation_error", T0.plusSeconds(5)))))
        .hasSize(1);
    failBody(body(NS_B, "spec.md", 1), T0);

    assertThat(store().failures().failedIndexEvents())
        .containsExactly(
            new FailedIndexEvent(NS_A, "spec.md", spec.contentHash(), T0.plusSeconds(5)));
    assertThat(
            store()
                .failures()
                .failedIndexEvents()
                .iterator()
                .next()
                .announces(spec, T0.plusSeconds(5)))
        .isTrue();

    List<Long> eventRecords =
        store().failures().list(10).stream()
            .filter(r -> r.kind() == FailureKind.EVENT && r.contentHash().isPresent())
            .map(FailureRecord::id)
            .toList();
    assertThat(eventRecords).hasSize(2);
    store().failures().requeue(eventRecords, T0.plusSeconds(6));
    assertThat(store().failures().failedIndexEvents()).isEmpty();
  }

  /** A store never moves a body by itself when an event fails: that is the drain's decision. */
  @Test
  default void aFailedEventLeavesTheBodiesQueued() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    store().events().enqueue(List.of(event(NS_A, null)), T0);
    ClaimedEvent claimed = store().events().claim(request(1, T0, "d1")).get(0);

    assertThat(store().events().settle(List.of(Settlement.fail(claimed, "rejected: x", T0))))
        .hasSize(1);

    assertThat(store().failures().count()).isEqualTo(1);
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  private static EventRecord indexed(String id, BodyUploadTask body) {
    String json =
        "{\"event_id\":\""
            + id
            + "\",\"event_type\":\"MissionDossierArtifactIndexed\","
            + "\"payload\":{\"relative_path\":\""
            + body.artifactPath()
            + "\",\"content_hash_sha256\":\""
            + body.contentHash()
            + "\"}}";
    return new EventRecord(
        id,
        "MissionDossierArtifactIndexed",
        body.namespace().featureSlug() + ":" + body.artifactPath(),
        body.namespace(),
        Optional.empty(),
        json);
  }
}
