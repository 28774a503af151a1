package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.PROJECT;
import static io.dossiersync.receiver.WireSamples.event;
import static io.dossiersync.receiver.WireSamples.indexed;
import static io.dossiersync.receiver.WireSamples.key;
import static io.dossiersync.receiver.WireSamples.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiverLedgerTest {

  private static final String SECRET = "s3cret-token-value";

  @Test
  void writesRequestsAndEventsAsJsonLinesWithoutTokenOrBody(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("receiver-data");
    try (ReferenceReceiver receiver =
        ReferenceReceiver.builder().token(SECRET).dataDir(data).start()) {
      ReceiverClient client = new ReceiverClient(receiver.baseUri(), SECRET);
      client.events(indexed("e1", "spec.md", "secret body text"));
      client.push(push("spec.md", "secret body text"));
      client.token("wrong").push(push("spec.md", "secret body text"));

      assertThat(receiver.ledger().toString()).contains("3 requests, 1 events, 1 bodies stored");
      assertThat(receiver.ledger().requests().toString()).doesNotContain(SECRET);
    }

    String file = Files.readString(data.resolve("ledger.jsonl"));
    List<JsonNode> lines = file.lines().map(ReceiverLedgerTest::parse).toList();
    assertThat(lines)
        .extracting(l -> l.get("kind").asText())
        .containsExactly("event", "request", "request", "request");
    assertThat(lines.get(2).get("answer").asText()).isEqualTo("stored");
    assertThat(lines.get(2).get("artifact_path").asText()).isEqualTo("spec.md");
    assertThat(lines.get(2).at("/namespace/project_uuid").asText()).isEqualTo(PROJECT);
    assertThat(lines.get(3).get("status").asInt()).isEqualTo(401);
    assertThat(file).doesNotContain(SECRET).doesNotContain("secret body text");
  }

  @Test
  void staticStartServesWithDefaults(@TempDir Path dir) {
    try (ReferenceReceiver receiver = ReferenceReceiver.start(0, Optional.of(dir))) {
      ReceiverClient client = new ReceiverClient(receiver.baseUri(), "any");

      assertThat(receiver.baseUri().toString()).isEqualTo("http://127.0.0.1:" + receiver.port());
      assertThat(client.events(event("e1", "X", PROJECT)).status()).isEqualTo(200);
      assertThat(Files.exists(dir.resolve("ledger.jsonl"))).isTrue();
    }
  }

  @Test
  void queriesFilterByEndpointStatusAndKey() {
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().start()) {
      ReceiverClient client = new ReceiverClient(receiver.baseUri(), "any");
      client.push(push("spec.md", "a"));
      client.events(indexed("e1", "spec.md", "a"));
      client.push(push("spec.md", "a"));
      client.push(push("spec.md", "a"));

      ReceiverLedger ledger = receiver.ledger();
      assertThat(ledger.requests(Endpoint.PUSH_CONTENT)).hasSize(3);
      assertThat(ledger.requests(Endpoint.EVENT_BATCH)).hasSize(1);
      assertThat(ledger.countByStatus(404)).isEqualTo(1);
      assertThat(ledger.countByStatus(200)).isEqualTo(2);
      assertThat(ledger.pushCount(key("spec.md", "a"))).isEqualTo(3);
      assertThat(ledger.storeCount(WireSamples.NAMESPACE, "spec.md", WireSamples.hash("a")))
          .isEqualTo(1);
      assertThat(ledger.storeCount(key("plan.md", "a"))).isZero();
      assertThat(ledger.duplicateStores()).isEmpty();
      assertThat(ledger.storedBody(key("plan.md", "a"))).isEmpty();
    }
  }

  private static JsonNode parse(String line) {
    try {
      return ReceiverClient.JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
