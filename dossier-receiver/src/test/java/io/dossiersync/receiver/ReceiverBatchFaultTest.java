package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.PROJECT;
import static io.dossiersync.receiver.WireSamples.event;
import static io.dossiersync.receiver.WireSamples.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.receiver.ReceiverClient.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault knobs that play the §4.2 rows a drain must survive: a batch-size limit (413), a poison
 * event (400 for its whole batch), dripping answers, and bare 404s on the event endpoint.
 */
class ReceiverBatchFaultTest {

  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private ReferenceReceiver receiver;
  private ReceiverClient client;

  @BeforeEach
  void start() {
    receiver =
        ReferenceReceiver.builder().token("t").requireIndexEntry(false).sleeper(slept::add).start();
    client = new ReceiverClient(receiver.baseUri(), "t");
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode e(String id) {
    return event(id, "MissionDossierCreated", PROJECT);
  }

  @Test
  void aBatchOverTheSizeLimitIsAnswered413AndNothingIsTaken() {
    receiver.faults().maxBatchEvents(2);

    Reply tooLarge = client.events(e("E1"), e("E2"), e("E3"));
    Reply fits = client.events(e("E4"), e("E5"));

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.text("error")).isEqualTo("payload_too_large");
    assertThat(fits.status()).isEqualTo(200);
    assertThat(receiver.ledger().eventsReceived())
        .extracting(ReceivedEvent::eventId)
        .containsExactly("E4", "E5");
    assertThat(receiver.ledger().requests().get(0).answer()).isEqualTo("fault:413");
  }

  @Test
  void aPoisonEventRefusesItsWholeBatchWith400() {
    receiver.faults().poisonEvents("E2");

    Reply poisoned = client.events(e("E1"), e("E2"), e("E3"));
    Reply clean = client.events(e("E1"), e("E3"));

    assertThat(poisoned.status()).isEqualTo(400);
    assertThat(poisoned.text("error")).isEqualTo("validation_error");
    assertThat(poisoned.text("detail")).isEqualTo("poison event E2");
    assertThat(clean.status()).isEqualTo(200);
    assertThat(receiver.ledger().eventsReceived())
        .extracting(ReceivedEvent::eventId)
        .containsExactly("E1", "E3");
  }

  @Test
  void aPoisonAggregatePredicateRefusesTheBatch() {
    receiver.faults().poisonAggregates(id -> id.endsWith(":E3"));

    assertThat(client.events(e("E1"), e("E3")).status()).isEqualTo(400);
    assertThat(client.events(e("E1")).status()).isEqualTo(200);
  }

  @Test
  void drippingSendsTheBodyOneByteAtATimeIntact() {
    receiver.faults().dripAnswers(Duration.ofMillis(5));

    Reply reply = client.events(e("E1"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("results").get(0).get("status").asText()).isEqualTo("success");
    assertThat(slept).hasSize(reply.body().length).containsOnly(Duration.ofMillis(5));
  }

  @Test
  void bareNotFoundsReachTheEventEndpointToo() {
    receiver.faults().bareNotFoundRate(1.0);

    Reply batch = client.events(e("E1"));
    Reply body = client.push(push("spec.md", "x"));

    assertThat(batch.status()).isEqualTo(404);
    assertThat(batch.body()).isEmpty();
    assertThat(body.status()).isEqualTo(404);
    assertThat(receiver.ledger().eventsReceived()).isEmpty();
  }

  @Test
  void noneClearsTheBatchKnobs() {
    receiver.faults().maxBatchEvents(1).poisonEvents("E1").dripAnswers(Duration.ofMillis(1)).none();

    assertThat(client.events(e("E1"), e("E2")).status()).isEqualTo(200);
    assertThat(slept).isEmpty();
  }

  @Test
  void knobsRejectOutOfRangeValues() {
    assertThatThrownBy(() -> receiver.faults().maxBatchEvents(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBatchEvents");
    assertThatThrownBy(() -> receiver.faults().dripAnswers(Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dripAnswers");
  }
}
