package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import io.dossiersync.http.HostileServer.Behaviour;
import io.dossiersync.http.internal.PooledHttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md §4.4 against a raw-socket receiver that answers badly on purpose: a total deadline,
 * abort on close, bounded heads and bodies. Each case costs one failed, retryable request.
 */
class HostileAnswersTest {

  private static HttpTransportConfig config(HostileServer server, Duration deadline) {
    return HttpTransportConfig.builder(server.baseUrl()).requestDeadline(deadline).build();
  }

  @Test
  void aDrippingAnswerIsAbortedAtTheDeadlineThoughItIsNeverSilent() throws Exception {
    try (HostileServer server = new HostileServer(Behaviour.DRIP);
        HttpEventTransport events =
            HttpEventTransport.create(
                config(server, Duration.ofSeconds(1)), TokenProvider.none())) {

      EventBatchResult result = events.send(Samples.events("E1"));
      // the deadline watch now sleeps up to a whole deadline: a request started in the middle of
      // that sleep is aborted at its own deadline all the same
      Thread.sleep(250);
      EventBatchResult second = events.send(Samples.events("E2"));

      assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(result.reason()).isEqualTo(PooledHttpClient.DEADLINE_REASON);
      assertThat(result.httpStatus()).isZero();
      assertThat(second.reason()).isEqualTo(PooledHttpClient.DEADLINE_REASON);
    }
  }

  @Test
  void closingTheFactoryAbortsEveryRequestInFlight() throws Exception {
    try (HostileServer server = new HostileServer(Behaviour.SILENCE)) {
      HttpTransports factory = HttpTransports.create(config(server, Duration.ofMinutes(10)));
      HttpContentTransport content = factory.contentTransport(TokenProvider.none());
      HttpEventTransport events = factory.eventTransport(TokenProvider.none());
      CompletableFuture<PushResult> push =
          CompletableFuture.supplyAsync(() -> content.push(Samples.push("spec.md")));
      CompletableFuture<EventBatchResult> batch =
          CompletableFuture.supplyAsync(() -> events.send(Samples.events("E1")));
      while (server.requests() < 2) {
        assertThat(server.awaitFirstRequest()).isTrue();
        Thread.sleep(10);
      }

      factory.close();

      PushResult pushed = push.get(30, TimeUnit.SECONDS);
      assertThat(pushed.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(pushed.reason()).isEqualTo(PooledHttpClient.CLOSED_REASON);
      assertThat(batch.get(30, TimeUnit.SECONDS).reason())
          .isEqualTo(PooledHttpClient.CLOSED_REASON);
      content.close();
      events.close();
    }
  }

  @Test
  void closingATransportAbortsItsOwnRequestInFlight() throws Exception {
    try (HostileServer server = new HostileServer(Behaviour.SILENCE)) {
      HttpEventTransport events =
          HttpEventTransport.create(config(server, Duration.ofMinutes(10)), TokenProvider.none());
      CompletableFuture<EventBatchResult> batch =
          CompletableFuture.supplyAsync(() -> events.send(Samples.events("E1")));
      assertThat(server.awaitFirstRequest()).isTrue();

      events.close();

      EventBatchResult result = batch.get(30, TimeUnit.SECONDS);
      assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(result.reason()).isEqualTo(PooledHttpClient.CLOSED_REASON);
    }
  }

  @Test
  void anEndlessHeaderLineFailsOneRequest() throws Exception {
    try (HostileServer server = new HostileServer(Behaviour.ENDLESS_HEADER);
        HttpEventTransport events =
            HttpEventTransport.create(
                config(server, Duration.ofSeconds(30)), TokenProvider.none())) {

      EventBatchResult result = events.send(Samples.events("E1"));

      assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(result.reason()).startsWith("malformed_response: answer head over the limits");
    }
  }

  @Test
  void moreThanAHundredHeaderFieldsFailOneRequest() throws Exception {
    try (HostileServer server = new HostileServer(Behaviour.MANY_HEADERS);
        HttpContentTransport content =
            HttpContentTransport.create(
                config(server, Duration.ofSeconds(30)), TokenProvider.none())) {

      PushResult result = content.push(Samples.push("spec.md"));

      assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(result.reason()).startsWith("malformed_response: answer head over the limits");
    }
  }

  @Test
  void aTenMebibyteBodyIsNotReadWhole() throws Exception {
    try (HostileServer server = new HostileServer(Behaviour.HUGE_BODY);
        HttpTransports factory = HttpTransports.create(config(server, Duration.ofSeconds(30)));
        HttpEventTransport events = factory.eventTransport(TokenProvider.none())) {

      EventBatchResult result = events.send(Samples.events("E1"));

      assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(result.reason()).startsWith("malformed_response: 200");
      assertThat(factory.leasedConnections()).isZero();
      Thread.sleep(200);
      assertThat(server.bytesWritten()).isLessThan(10L * 1024 * 1024);
      System.out.printf(
          "[http] huge-body answer_bytes=%d written_by_server=%d%n",
          10L * 1024 * 1024, server.bytesWritten());
    }
  }
}
