package io.dossiersync.testkit;

import static io.dossiersync.testkit.DossierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiverLedgerAssertTest {

  private static final NamespaceRef NAMESPACE =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "047-some-name", "main", "software-dev", "1");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ReferenceReceiver receiver;

  @BeforeEach
  void start() {
    receiver = ReferenceReceiver.builder().token("t").requireIndexEntry(false).start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void passesWhenEachBodyWasStoredOnce() throws Exception {
    BodyKey spec = push("spec.md", "# Spec");
    push("spec.md", "# Spec");
    BodyKey plan = push("plan.md", "# Plan");

    assertThat(receiver.ledger())
        .storedExactlyOnce(spec, plan)
        .storedExactlyOnce(NAMESPACE, "plan.md", plan.contentHash())
        .hasNoDuplicateStores()
        .hasStoredCount(2)
        .hasStoredBody(spec, "# Spec")
        .hasReceivedEventCount(0);
  }

  @Test
  void failsWithTheStoredKeysWhenABodyIsMissing() throws Exception {
    push("spec.md", "# Spec");
    BodyKey never = new BodyKey(NAMESPACE, "tasks.md", hash("# Tasks"));

    assertThatThrownBy(() -> assertThat(receiver.ledger()).storedExactlyOnce(never))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("tasks.md")
        .hasMessageContaining("stored 0 times (0 push requests for it)")
        .hasMessageContaining("spec.md");
    assertThatThrownBy(() -> assertThat(receiver.ledger()).hasStoredCount(3))
        .hasMessageContaining("expected 3 stored bodies but found 1");
    assertThatThrownBy(() -> assertThat(receiver.ledger()).hasStoredBody(never, "# Tasks"))
        .hasMessageContaining("nothing was stored under it");
    assertThatThrownBy(() -> assertThat(receiver.ledger()).hasReceivedEventCount(2))
        .hasMessageContaining("expected 2 events received but found 0");
  }

  private BodyKey push(String path, String body) throws Exception {
    PushContentRequest request = new PushContentRequest(NAMESPACE, path, hash(body), body);
    String json =
        "{\"project_uuid\":\""
            + NAMESPACE.projectUuid()
            + "\",\"feature_slug\":\""
            + NAMESPACE.featureSlug()
            + "\",\"target_branch\":\"main\",\"mission_key\":"
            + "\"software-dev\",\"manifest_version\":\"1\",\"artifact_path\":\""
            + path
            + "\",\"content_hash\":\""
            + request.contentHash()
            + "\",\"hash_algorithm\":\""
            + request.hashAlgorithm()
            + "\",\"content_body\":\""
            + body
            + "\"}";
    URI uri = receiver.baseUri().resolve("/api/dossier/push-content/");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + new AccessToken("t").value())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(response.statusCode()).isIn(200, 201);
    return new BodyKey(NAMESPACE, path, request.contentHash());
  }

  private static String hash(String body) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
  }
}
