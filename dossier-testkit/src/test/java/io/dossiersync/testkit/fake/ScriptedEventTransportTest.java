package io.dossiersync.testkit.fake;

import static io.dossiersync.testkit.fake.FakeRequests.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.core.transport.TransportOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptedEventTransportTest {

  @Test
  void answersSuccessForEveryEventByDefault() {
    ScriptedEventTransport transport = ScriptedEventTransport.create();

    EventBatchResult result = transport.send(List.of(event("e1"), event("e2")));

    assertThat(result.outcome()).isEqualTo(TransportOutcome.DELIVERED);
    assertThat(result.results())
        .extracting(EventResult::eventId, EventResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("e1", EventResultStatus.SUCCESS),
            org.assertj.core.groups.Tuple.tuple("e2", EventResultStatus.SUCCESS));
  }

  @Test
  void scriptedResultsComeFirstInOrder() {
    EventBatchResult retry =
        EventBatchResult.notDelivered(TransportOutcome.RETRY, 503, "http_503", Optional.empty());
    ScriptedEventTransport transport = ScriptedEventTransport.create();
    transport
        .thenReturn(retry)
        .thenAnswer(ScriptedEventTransport.everyEvent(EventResultStatus.REJECTED));

    assertThat(transport.send(List.of(event("e1")))).isEqualTo(retry);
    EventResult rejected = transport.send(List.of(event("e1"))).results().get(0);
    assertThat(rejected.status()).isEqualTo(EventResultStatus.REJECTED);
    assertThat(rejected.error()).contains("rejected_by_script");
    assertThat(transport.send(List.of(event("e1"))).results().get(0).status())
        .isEqualTo(EventResultStatus.SUCCESS);
    assertThat(transport.batches()).hasSize(3);
  }

  @Test
  void recordsACopyOfEachBatchAndFiltersByType() {
    ScriptedEventTransport transport = ScriptedEventTransport.create();
    List<EventRecord> batch = new ArrayList<>(List.of(event("e1"), event("e2")));
    transport.send(batch);
    batch.clear();
    transport.send(List.of(event("e3")));

    assertThat(transport.events())
        .extracting(EventRecord::eventId)
        .containsExactly("e1", "e2", "e3");
    assertThat(transport.eventsOfType("MissionDossierArtifactIndexed")).hasSize(3);
    assertThat(transport.eventsOfType("MissionDossierSnapshotComputed")).isEmpty();
  }

  @Test
  void delayedDefaultUsesTheSleeper() {
    List<Duration> slept = new ArrayList<>();
    ScriptedEventTransport transport =
        ScriptedEventTransport.builder()
            .sleeper(slept::add)
            .defaultAnswer(
                ScriptedEventTransport.everyEvent(EventResultStatus.DUPLICATE)
                    .after(Duration.ofSeconds(2)))
            .build();

    EventBatchResult result = transport.send(List.of(event("e1")));

    assertThat(slept).containsExactly(Duration.ofSeconds(2));
    assertThat(result.results().get(0).status()).isEqualTo(EventResultStatus.DUPLICATE);
  }

  @Test
  void awaitEventsCountsEventsAcrossBatches() {
    ScriptedEventTransport transport = ScriptedEventTransport.create();
    transport.send(List.of(event("e1"), event("e2")));
    transport.send(List.of(event("e3")));

    assertThat(transport.awaitEvents(3, Duration.ofSeconds(1))).hasSize(3);
    assertThat(transport.awaitBatches(2, Duration.ofSeconds(1))).hasSize(2);
    assertThatThrownBy(() -> transport.awaitEvents(4, Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 4 events")
        .hasMessageContaining("but 3 arrived")
        .hasMessageContaining("EventRecord[e3");
  }

  @Test
  void thrownAnswerPropagates() {
    ScriptedEventTransport transport = ScriptedEventTransport.create();
    transport.thenAnswer(ScriptedAnswer.throwing(new IllegalArgumentException("bad batch")));

    assertThatThrownBy(() -> transport.send(List.of(event("e1")))).hasMessage("bad batch");
    transport.reset();
    assertThat(transport.batches()).isEmpty();
  }
}
