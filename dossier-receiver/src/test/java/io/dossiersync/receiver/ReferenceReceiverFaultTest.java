package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.PROJECT;
import static io.dossiersync.receiver.WireSamples.event;
import static io.dossiersync.receiver.WireSamples.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.receiver.ReceiverClient.Reply;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReferenceReceiverFaultTest {

  private final List<ReferenceReceiver> receivers = new ArrayList<>();

  private ReceiverClient start(ReferenceReceiverBuilder builder) {
    ReferenceReceiver receiver = builder.token("t").requireIndexEntry(false).start();
    receivers.add(receiver);
    return new ReceiverClient(receiver.baseUri(), "t");
  }

  private ReferenceReceiver receiver() {
    return receivers.get(0);
  }

  @AfterEach
  void stop() {
    receivers.forEach(ReferenceReceiver::close);
  }

  @Test
  void failureRateAnswers503() {
    ReceiverClient client = start(ReferenceReceiver.builder().failureRate(1.0));

    Reply reply = client.push(push("spec.md", "x"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.text("error")).isEqualTo("service_unavailable");
    assertThat(receiver().ledger().storedBodies()).isEmpty();
    assertThat(receiver().ledger().requests().get(0).answer()).isEqualTo("fault:503");
  }

  @Test
  void rateLimitAnswers429WithRetryAfterInBodyAndHeader() {
    ReceiverClient client =
        start(ReferenceReceiver.builder().rateLimitRate(1.0).retryAfter(Duration.ofMillis(1500)));

    Reply reply = client.push(push("spec.md", "x"));

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.json().get("retry_after").asLong()).isEqualTo(2);
    assertThat(reply.retryAfter()).contains("2");
  }

  @Test
  void bareNotFoundHasAnEmptyBody() {
    ReceiverClient client = start(ReferenceReceiver.builder().bareNotFoundRate(1.0));

    Reply reply = client.push(push("spec.md", "x"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEmpty();
    assertThat(receiver().ledger().requests().get(0).answer()).isEqualTo("fault:404");
  }

  @Test
  void resetDropsTheConnectionWithoutAnswer() {
    ReceiverClient client = start(ReferenceReceiver.builder().resetRate(1.0));

    assertThatThrownBy(() -> client.push(push("spec.md", "x")))
        .hasCauseInstanceOf(IOException.class);
    ReceivedRequest recorded = receiver().ledger().requests().get(0);
    assertThat(recorded.status()).isZero();
    assertThat(recorded.answer()).isEqualTo("fault:reset");
    assertThat(receiver().ledger().storedBodies()).isEmpty();
  }

  @Test
  void responseDelayWaitsWithTheSleeperBeforeAnswering() {
    List<Duration> slept = new CopyOnWriteArrayList<>();
    ReceiverClient client =
        start(
            ReferenceReceiver.builder().sleeper(slept::add).responseDelay(Duration.ofMillis(750)));

    Reply reply = client.push(push("spec.md", "x"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(slept).containsExactly(Duration.ofMillis(750));
  }

  @Test
  void realDelayMakesAShortClientTimeoutFire() {
    ReceiverClient client = start(ReferenceReceiver.builder());
    receiver().faults().responseDelay(Duration.ofSeconds(30));
    HttpRequest request =
        client
            .request(Endpoint.PUSH_CONTENT, Duration.ofMillis(100))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(push("spec.md", "x").toString()))
            .build();

    assertThatThrownBy(() -> client.sendOrThrow(request)).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void rejectTokensUntilRotationAnswers401ToTheRightTokenUntilRotated() {
    ReceiverClient client = start(ReferenceReceiver.builder().rejectTokensUntilRotation(true));

    Reply before = client.push(push("spec.md", "x"));
    receiver().rotateToken("t2");
    Reply oldToken = client.push(push("spec.md", "x"));
    Reply newToken = client.token("t2").push(push("spec.md", "x"));

    assertThat(before.status()).isEqualTo(401);
    assertThat(before.text("error")).isEqualTo("unauthorized");
    assertThat(oldToken.status()).isEqualTo(401);
    assertThat(newToken.status()).isEqualTo(201);
    assertThat(receiver().ledger().requests())
        .extracting(ReceivedRequest::answer)
        .containsExactly("fault:unauthorized", "unauthorized", "stored");
  }

  @Test
  void rotatedTokenReplacesTheOldOneForEvents() {
    ReceiverClient client = start(ReferenceReceiver.builder());
    assertThat(client.events(event("e1", "X", PROJECT)).status()).isEqualTo(200);

    receiver().rotateToken("rotated");

    assertThat(client.events(event("e2", "X", PROJECT)).status()).isEqualTo(401);
    assertThat(client.token("rotated").events(event("e2", "X", PROJECT)).status()).isEqualTo(200);
  }

  @Test
  void sameSeedGivesTheSameFaultSequence() {
    ReceiverClient first = start(ReferenceReceiver.builder().seed(7).failureRate(0.5));
    ReceiverClient second = start(ReferenceReceiver.builder().seed(7).failureRate(0.5));

    List<Integer> a = statuses(first, 30);
    List<Integer> b = statuses(second, 30);

    assertThat(a).isEqualTo(b).contains(503).containsAnyOf(200, 201);
  }

  @Test
  void mixedRatesProduceEveryFaultAndFaultsCanBeTurnedOff() {
    ReceiverClient client =
        start(
            ReferenceReceiver.builder()
                .seed(3)
                .failureRate(0.25)
                .rateLimitRate(0.25)
                .bareNotFoundRate(0.25));

    List<Integer> faulted = statuses(client, 60);
    receiver().faults().none();
    List<Integer> clean = statuses(client, 5);

    assertThat(faulted).contains(503, 429, 404).containsAnyOf(200, 201);
    assertThat(clean).doesNotContain(503, 429, 404);
  }

  @Test
  void faultsLimitedToEventsLeavePushesAlone() {
    ReceiverClient client = start(ReferenceReceiver.builder().failureRate(1.0));
    receiver().faults().appliesTo(Endpoint.EVENT_BATCH);

    assertThat(client.push(push("spec.md", "x")).status()).isEqualTo(201);
    assertThat(client.events(event("e1", "X", PROJECT)).status()).isEqualTo(503);
  }

  @Test
  void invalidFaultSettingsNameTheSettingAndRange() {
    ReceiverFaults faults = ReferenceReceiver.builder().failureRate(0.6).faults();

    assertThatThrownBy(() -> faults.rateLimitRate(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 1.0");
    assertThatThrownBy(() -> faults.resetRate(-0.1))
        .hasMessageContaining("resetRate must be in [0.0, 1.0]");
    assertThatThrownBy(() -> faults.bareNotFoundRate(Double.NaN))
        .hasMessageContaining("bareNotFoundRate");
    assertThatThrownBy(() -> faults.retryAfter(Duration.ofHours(2)))
        .hasMessageContaining("retryAfter must be in [0s, 1h]");
    assertThatThrownBy(() -> ReferenceReceiver.builder().port(70_000))
        .hasMessageContaining("port must be in [0, 65535]");
    assertThatThrownBy(() -> ReferenceReceiver.builder().indexLag(Duration.ofSeconds(-1)))
        .hasMessageContaining("indexLag");
    assertThat(faults.toString()).contains("503=0.6");
  }

  private static List<Integer> statuses(ReceiverClient client, int n) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(client.push(push("research/r" + (i % 7) + ".md", "body")).status());
    }
    return statuses;
  }
}
