package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pool sharing and release, and failures that never reach a receiver, over real loopback. */
class HttpTransportsTest {

  private static final String STORED = "{\"status\":\"stored\"}";

  @Test
  void transportsShareOnePoolThatOutlivesTheFactoryUntilTheLastClose() throws Exception {
    try (LoopbackReceiver receiver = new LoopbackReceiver(201, STORED, 2)) {
      HttpTransports factory =
          HttpTransports.create(HttpTransportConfig.builder(receiver.baseUrl()).build());
      HttpContentTransport first = factory.contentTransport(TokenProvider.fixed(Samples.TOKEN));
      HttpContentTransport second = factory.contentTransport(TokenProvider.fixed(Samples.TOKEN));
      factory.close();
      factory.close();

      assertThat(first.push(Samples.push("spec.md")).outcome())
          .isEqualTo(TransportOutcome.DELIVERED);
      first.close();
      assertThat(second.push(Samples.push("plan.md")).outcome())
          .isEqualTo(TransportOutcome.DELIVERED);
      second.close();

      PushResult afterRelease = second.push(Samples.push("tasks.md"));
      assertThat(afterRelease.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(afterRelease.reason()).startsWith("connection_error: ");
      assertThat(receiver.count()).isEqualTo(2);
      assertThatThrownBy(() -> factory.eventTransport(TokenProvider.none()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  @Test
  void aRefusedConnectionIsRetryable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpTransportConfig config =
        HttpTransportConfig.builder("http://127.0.0.1:" + closedPort).build();
    try (HttpTransports transports = HttpTransports.create(config);
        HttpContentTransport content = transports.contentTransport(TokenProvider.none());
        HttpEventTransport events = transports.eventTransport(TokenProvider.none())) {

      PushResult push = content.push(Samples.push("spec.md"));
      assertThat(push.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(push.httpStatus()).isZero();
      assertThat(push.reason()).startsWith("connection_error: connection refused");
      assertThat(events.send(Samples.events("E1")).outcome()).isEqualTo(TransportOutcome.RETRY);
    }
  }

  @Test
  void anUnknownHostIsRetryable() {
    HttpTransportConfig config = HttpTransportConfig.builder("http://receiver.invalid").build();
    try (HttpContentTransport content = HttpContentTransport.create(config, TokenProvider.none())) {
      PushResult push = content.push(Samples.push("spec.md"));

      assertThat(push.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(push.reason()).startsWith("connection_error: unknown host");
    }
  }

  @Test
  void aThrowingTokenProviderIsRetryableNotAnException() throws Exception {
    TokenProvider broken =
        Samples.tokens(
            () -> {
              throw new IllegalStateException("token file unreadable");
            });
    try (LoopbackReceiver receiver = new LoopbackReceiver(201, STORED, 1);
        HttpContentTransport content =
            HttpContentTransport.create(
                HttpTransportConfig.builder(receiver.baseUrl()).build(), broken)) {

      PushResult push = content.push(Samples.push("spec.md"));

      assertThat(push.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(push.reason())
          .isEqualTo("connection_error: IllegalStateException: token file unreadable");
      assertThat(receiver.count()).isZero();
    }
  }

  @Test
  void theTokenIsAskedForOnEveryRequest() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    TokenProvider rotating =
        Samples.tokens(() -> Optional.of(new AccessToken("tok-" + asked.incrementAndGet())));
    try (LoopbackReceiver receiver = new LoopbackReceiver(201, STORED, 1);
        HttpContentTransport content =
            HttpContentTransport.create(
                HttpTransportConfig.builder(receiver.baseUrl()).build(), rotating)) {
      content.push(Samples.push("spec.md"));
      content.push(Samples.push("plan.md"));

      assertThat(receiver.last().headers().getFirst("Authorization")).isEqualTo("Bearer tok-2");
    }
  }
}
