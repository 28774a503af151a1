package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.OTHER_PROJECT;
import static io.dossiersync.receiver.WireSamples.PROJECT;
import static io.dossiersync.receiver.WireSamples.event;
import static io.dossiersync.receiver.WireSamples.indexed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.receiver.ReceiverClient.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceReceiverEventTest {

  private ReferenceReceiver receiver;
  private ReceiverClient client;

  @BeforeEach
  void start() {
    receiver =
        ReferenceReceiver.builder()
            .token("t")
            .acceptAnyProject(false)
            .registerProject(PROJECT)
            .start();
    client = new ReceiverClient(receiver.baseUri(), "t");
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void answersSuccessDuplicateAndRejectedPerEvent() {
    ObjectNode noAggregate = event("e3", "MissionDossierSnapshotComputed", PROJECT);
    noAggregate.remove("aggregate_id");

    Reply reply =
        client.events(
            event("e1", "MissionDossierSnapshotComputed", PROJECT),
            event("e1", "MissionDossierSnapshotComputed", PROJECT),
            noAggregate,
            event("e4", "MissionDossierArtifactMissing", OTHER_PROJECT));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode results = reply.json().get("results");
    assertThat(results).hasSize(4);
    assertThat(results.get(0).get("status").asText()).isEqualTo("success");
    assertThat(results.get(0).get("error").isNull()).isTrue();
    assertThat(results.get(1).get("status").asText()).isEqualTo("duplicate");
    assertThat(results.get(2).get("event_id").asText()).isEqualTo("e3");
    assertThat(results.get(2).get("status").asText()).isEqualTo("rejected");
    assertThat(results.get(2).get("error").asText()).contains("aggregate_id");
    assertThat(results.get(3).get("error").asText()).isEqualTo("namespace_not_found");
    assertThat(receiver.ledger().eventsReceived())
        .extracting(ReceivedEvent::status)
        .containsExactly(
            EventResultStatus.SUCCESS,
            EventResultStatus.DUPLICATE,
            EventResultStatus.REJECTED,
            EventResultStatus.REJECTED);
    assertThat(receiver.ledger().requests().get(0).eventCount()).isEqualTo(4);
  }

  @Test
  void duplicateIsDetectedAcrossBatchesButARejectedEventMayBeSentAgain() {
    client.events(event("e1", "MissionDossierSnapshotComputed", OTHER_PROJECT));
    receiver.registerProject(OTHER_PROJECT);
    Reply again = client.events(event("e1", "MissionDossierSnapshotComputed", OTHER_PROJECT));
    Reply third = client.events(event("e1", "MissionDossierSnapshotComputed", OTHER_PROJECT));

    assertThat(again.json().at("/results/0/status").asText()).isEqualTo("success");
    assertThat(third.json().at("/results/0/status").asText()).isEqualTo("duplicate");
  }

  @Test
  void malformedEnvelopeFieldsAreRejected() {
    ObjectNode badTimestamp = event("e1", "X", PROJECT).put("timestamp", "yesterday");
    ObjectNode badUuid = event("e2", "X", PROJECT).put("project_uuid", "nope");
    ObjectNode payloadNotObject = event("e3", "X", PROJECT).put("payload", "text");
    ObjectNode indexedWithoutNamespace = event("e4", "MissionDossierArtifactIndexed", PROJECT);
    ObjectNode indexedOtherProject = indexed("e5", "spec.md", "x");
    ((ObjectNode) indexedOtherProject.at("/payload/namespace")).put("project_uuid", OTHER_PROJECT);

    JsonNode results =
        client
            .events(
                badTimestamp,
                badUuid,
                payloadNotObject,
                indexedWithoutNamespace,
                indexedOtherProject)
            .json()
            .get("results");

    assertThat(results.findValuesAsText("status")).containsOnly("rejected");
    assertThat(results.get(0).get("error").asText()).contains("timestamp");
    assertThat(results.get(1).get("error").asText()).contains("project_uuid");
    assertThat(results.get(2).get("error").asText()).contains("payload");
    assertThat(results.get(3).get("error").asText()).contains("payload.namespace");
    assertThat(results.get(4).get("error").asText()).contains("differs");
  }

  @Test
  void nonObjectEventIsRejectedWithAnEmptyId() {
    Reply reply =
        client.batchRaw(
            ReceiverClient.gzip("{\"events\":[42]}".getBytes(StandardCharsets.UTF_8)),
            Optional.of("gzip"));

    assertThat(reply.json().at("/results/0/event_id").asText()).isEmpty();
    assertThat(reply.json().at("/results/0/status").asText()).isEqualTo("rejected");
  }

  @Test
  void batchMustBeGzipWithTheHeader() {
    byte[] json = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);

    Reply noHeader = client.batchRaw(ReceiverClient.gzip(json), Optional.empty());
    Reply notGzip = client.batchRaw(json, Optional.of("gzip"));
    Reply notEvents =
        client.batchRaw(
            ReceiverClient.gzip("{\"items\":[]}".getBytes(StandardCharsets.UTF_8)),
            Optional.of("gzip"));
    Reply empty = client.batchRaw(ReceiverClient.gzip(json), Optional.of("gzip"));

    assertThat(noHeader.status()).isEqualTo(400);
    assertThat(noHeader.text("detail")).contains("Content-Encoding");
    assertThat(notGzip.status()).isEqualTo(400);
    assertThat(notGzip.text("detail")).contains("gzip");
    assertThat(notEvents.status()).isEqualTo(400);
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("results")).isEmpty();
  }

  @Test
  void batchNeedsTheToken() {
    Reply reply = client.withoutToken().events(event("e1", "X", PROJECT));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.text("error")).isEqualTo("unauthorized");
    assertThat(receiver.ledger().eventsReceived()).isEmpty();
  }
}
