package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import io.dossiersync.http.internal.PooledHttpClient;
import io.dossiersync.receiver.ReceiverFaults;
import io.dossiersync.receiver.ReferenceReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The §4.2 answer table once more, played by the reference receiver's fault knobs instead of
 * MockServer: each row the receiver can produce, classified by the real transport.
 */
class ReferenceReceiverRowsTest {

  private ReferenceReceiver receiver;
  private HttpEventTransport events;

  @BeforeEach
  void start() {
    receiver =
        ReferenceReceiver.builder().token(Samples.TOKEN.value()).requireIndexEntry(false).start();
    events = transport(Duration.ofSeconds(60));
  }

  private HttpEventTransport transport(Duration deadline) {
    return HttpEventTransport.create(
        HttpTransportConfig.builder(receiver.baseUri().toString())
            .requestDeadline(deadline)
            .build(),
        TokenProvider.fixed(Samples.TOKEN));
  }

  @AfterEach
  void stop() {
    events.close();
    receiver.close();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "413 over the batch limit",
            f -> f.maxBatchEvents(2),
            TransportOutcome.TOO_LARGE,
            "payload_too_large"),
        row(
            "400 for a poison event",
            f -> f.poisonEvents("E2"),
            TransportOutcome.INVALID,
            "validation_error: poison event E2"),
        row(
            "bare 404 from a proxy",
            f -> f.bareNotFoundRate(1.0),
            TransportOutcome.RETRY,
            "not_found"),
        row("503", f -> f.failureRate(1.0), TransportOutcome.RETRY, "http_503"),
        row("429", f -> f.rateLimitRate(1.0), TransportOutcome.RETRY, "rate_limited"),
        row(
            "401 until the token rotates",
            f -> f.rejectTokensUntilRotation(true),
            TransportOutcome.UNAUTHORIZED,
            "unauthorized"),
        row(
            "reset",
            f -> f.resetRate(1.0),
            TransportOutcome.RETRY,
            "connection_error: connection closed without an answer"),
        row(
            "a dripping answer past the deadline (the receiver took the events)",
            f -> f.dripAnswers(Duration.ofMillis(200)),
            TransportOutcome.RETRY,
            PooledHttpClient.DEADLINE_REASON));
  }

  private static Arguments row(
      String name, Consumer<ReceiverFaults> fault, TransportOutcome outcome, String reason) {
    return Arguments.of(name, fault, outcome, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void classifiesTheRow(
      String name, Consumer<ReceiverFaults> fault, TransportOutcome outcome, String reason) {
    fault.accept(receiver.faults());
    boolean drip = name.contains("took the events");
    EventBatchResult result;
    // the drip takes a minute to send its answer: a short deadline must end it first
    try (HttpEventTransport sender = drip ? transport(Duration.ofSeconds(2)) : events) {
      result = sender.send(Samples.events("E1", "E2", "E3"));
    }

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.reason()).isEqualTo(reason);
    if (!drip) {
      assertThat(receiver.ledger().eventsReceived()).isEmpty();
    }
  }

  @Test
  void aDeliveredBatchCarriesOneResultPerEvent() {
    List<EventRecord> batch = Samples.events("E1", "E2");

    EventBatchResult result = events.send(batch);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(TransportOutcome.DELIVERED);
    // the samples are minimal events, which the strict receiver rejects one by one: still a 200
    assertThat(result.results()).extracting(r -> r.eventId()).containsExactly("E1", "E2");
    assertThat(result.results())
        .extracting(r -> r.status())
        .containsOnly(EventResultStatus.REJECTED);
    assertThat(result.retryAfter()).isEqualTo(Optional.empty());
  }
}
