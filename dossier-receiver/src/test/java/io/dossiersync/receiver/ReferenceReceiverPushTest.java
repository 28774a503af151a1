package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.NAMESPACE;
import static io.dossiersync.receiver.WireSamples.OTHER_PROJECT;
import static io.dossiersync.receiver.WireSamples.PROJECT;
import static io.dossiersync.receiver.WireSamples.indexed;
import static io.dossiersync.receiver.WireSamples.key;
import static io.dossiersync.receiver.WireSamples.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.receiver.ReceiverClient.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReferenceReceiverPushTest {

  private static final String TOKEN = "test-token";
  private ReferenceReceiver receiver;

  private ReceiverClient start(ReferenceReceiverBuilder builder) {
    receiver = builder.token(TOKEN).start();
    return new ReceiverClient(receiver.baseUri(), TOKEN);
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void storesOnceThenAnswersAlreadyExists() {
    ReceiverClient client = start(ReferenceReceiver.builder());
    assertThat(client.events(indexed("e1", "spec.md", "# Spec")).status()).isEqualTo(200);

    Reply first = client.push(push("spec.md", "# Spec"));
    Reply second = client.push(push("spec.md", "# Spec"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.text("status")).isEqualTo("stored");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.text("status")).isEqualTo("already_exists");
    assertThat(receiver.ledger().storeCount(key("spec.md", "# Spec"))).isEqualTo(1);
    assertThat(receiver.ledger().storedBody(key("spec.md", "# Spec"))).contains("# Spec");
    assertThat(receiver.ledger().pushCount(key("spec.md", "# Spec"))).isEqualTo(2);
  }

  @Test
  void sameBodyInAnotherNamespaceIsStoredSeparately() {
    ReceiverClient client = start(ReferenceReceiver.builder().requireIndexEntry(false));
    NamespaceRef otherBranch =
        new NamespaceRef(PROJECT, "047-some-name", "develop", "software-dev", "1");

    assertThat(client.push(push("spec.md", "same")).status()).isEqualTo(201);
    assertThat(client.push(push(otherBranch, "spec.md", "same")).status()).isEqualTo(201);
    assertThat(client.push(push("plan.md", "same")).status()).isEqualTo(201);
    assertThat(receiver.ledger().storedBodies()).hasSize(3);
  }

  @Test
  void missingOrWrongTokenIsUnauthorized() {
    ReceiverClient client = start(ReferenceReceiver.builder().requireIndexEntry(false));

    Reply wrong = client.token("other-token").push(push("spec.md", "x"));
    Reply missing = client.withoutToken().push(push("spec.md", "x"));

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.text("error")).isEqualTo("unauthorized");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(receiver.ledger().storedBodies()).isEmpty();
  }

  @Test
  void withoutAConfiguredTokenAnyBearerPassesButNoneFails() {
    receiver = ReferenceReceiver.builder().requireIndexEntry(false).start();
    ReceiverClient client = new ReceiverClient(receiver.baseUri(), "whatever");

    assertThat(client.push(push("spec.md", "x")).status()).isEqualTo(201);
    assertThat(client.withoutToken().push(push("plan.md", "x")).status()).isEqualTo(401);
  }

  @Test
  void unknownProjectIsNamespaceNotFoundUntilRegistered() {
    ReceiverClient client =
        start(
            ReferenceReceiver.builder()
                .acceptAnyProject(false)
                .registerProject(OTHER_PROJECT)
                .requireIndexEntry(false));

    Reply refused = client.push(push("spec.md", "x"));
    receiver.registerProject(PROJECT);
    Reply accepted = client.push(push("spec.md", "x"));

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.text("error")).isEqualTo("namespace_not_found");
    assertThat(accepted.status()).isEqualTo(201);
  }

  @Test
  void pushWithoutIndexEntryIsIndexEntryNotFoundUntilTheEventArrives() {
    ReceiverClient client = start(ReferenceReceiver.builder());

    Reply early = client.push(push("plan.md", "# Plan"));
    client.events(indexed("e1", "plan.md", "# Plan v0"));
    Reply otherHash = client.push(push("plan.md", "# Plan"));
    client.events(indexed("e2", "plan.md", "# Plan"));
    Reply late = client.push(push("plan.md", "# Plan"));

    assertThat(early.status()).isEqualTo(404);
    assertThat(early.text("error")).isEqualTo("index_entry_not_found");
    assertThat(otherHash.text("error")).isEqualTo("index_entry_not_found");
    assertThat(late.status()).isEqualTo(201);
  }

  @Test
  void indexEntryBecomesVisibleOnlyAfterTheLag() {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-11-25T10:00:00Z"));
    ReceiverClient client =
        start(ReferenceReceiver.builder().clock(clock).indexLag(Duration.ofSeconds(30)));
    client.events(indexed("e1", "spec.md", "# Spec"));

    clock.advance(Duration.ofSeconds(29));
    Reply tooEarly = client.push(push("spec.md", "# Spec"));
    clock.advance(Duration.ofSeconds(1));
    Reply onTime = client.push(push("spec.md", "# Spec"));

    assertThat(tooEarly.text("error")).isEqualTo("index_entry_not_found");
    assertThat(onTime.status()).isEqualTo(201);
    assertThat(receiver.ledger().requests(Endpoint.PUSH_CONTENT))
        .extracting(ReceivedRequest::receivedAt)
        .containsExactly(
            Instant.parse("2026-11-25T10:00:29Z"), Instant.parse("2026-11-25T10:00:30Z"));
  }

  @Test
  void lagChangedAtRuntimeAppliesToNewEntries() {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-11-25T10:00:00Z"));
    ReceiverClient client = start(ReferenceReceiver.builder().clock(clock));
    receiver.indexLag(Duration.ofMinutes(1));
    client.events(indexed("e1", "spec.md", "a"));

    assertThat(client.push(push("spec.md", "a")).status()).isEqualTo(404);
    clock.advance(Duration.ofMinutes(1));
    assertThat(client.push(push("spec.md", "a")).status()).isEqualTo(201);
  }

  @Test
  void indexArtifactCreatesAnEntryWithoutAnEvent() {
    ReceiverClient client = start(ReferenceReceiver.builder());
    receiver.indexArtifact(key("tasks/WP01.md", "wp"));

    assertThat(client.push(push("tasks/WP01.md", "wp")).status()).isEqualTo(201);
  }

  @Test
  void bodyOfExactlyTheLimitIsStored() {
    ReceiverClient client = start(ReferenceReceiver.builder().requireIndexEntry(false));
    String body = "é".repeat(262_144);

    Reply reply = client.push(push("research/big.md", body));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(receiver.ledger().requests().get(0).contentBytes()).hasValue(524_288);
  }

  @Test
  void wrongContentTypeIsAValidationError() {
    ReceiverClient client = start(ReferenceReceiver.builder().requireIndexEntry(false));

    Reply reply =
        client.pushRaw(
            push("spec.md", "x").toString().getBytes(StandardCharsets.UTF_8), "text/plain");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("error")).isEqualTo("validation_error");
    assertThat(reply.text("detail")).contains("Content-Type");
  }

  @Test
  void otherMethodsAndPathsAreRefused() {
    ReceiverClient client = start(ReferenceReceiver.builder());

    Reply get =
        client.send(client.request(Endpoint.PUSH_CONTENT, Duration.ofSeconds(5)).GET().build());
    Reply noSlash =
        client.send(
            HttpRequest.newBuilder(receiver.baseUri().resolve("/api/dossier/push-content"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(get.status()).isEqualTo(405);
    assertThat(noSlash.status()).isEqualTo(404);
    assertThat(noSlash.body()).isEmpty();
    assertThat(receiver.ledger().requests())
        .extracting(ReceivedRequest::answer)
        .containsExactly("method_not_allowed", "not_found");
  }

  @Test
  void ledgerRecordsTheFieldsOfEachPush() {
    ReceiverClient client = start(ReferenceReceiver.builder());

    client.push(push("spec.md", "abc"));

    ReceivedRequest request = receiver.ledger().requests().get(0);
    assertThat(request.endpoint()).isEqualTo(Endpoint.PUSH_CONTENT);
    assertThat(request.status()).isEqualTo(404);
    assertThat(request.answer()).isEqualTo("index_entry_not_found");
    assertThat(request.namespace()).contains(NAMESPACE);
    assertThat(request.bodyKey()).contains(key("spec.md", "abc"));
    assertThat(request.contentBytes()).hasValue(3);
    assertThat(request.sequence()).isEqualTo(1);
  }
}
