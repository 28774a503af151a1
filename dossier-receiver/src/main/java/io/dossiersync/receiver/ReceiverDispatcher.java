package io.dossiersync.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.dossiersync.core.drain.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler of the receiver: routes by exact path, reads the body, applies the delay and the
 * fault draw, checks the token, lets the endpoint's processor answer, records the request in the
 * ledger and only then sends the answer (so a client that got its answer finds it in the ledger).
 */
final class ReceiverDispatcher implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiverDispatcher.class);

  private final AtomicLong arrivals = new AtomicLong();
  private final Clock clock;
  private final Sleeper sleeper;
  private final ReceiverFaults faults;
  private final AccessGate gate;
  private final PushContentProcessor pushes;
  private final EventBatchProcessor batches;
  private final ReceiverLedger ledger;
  private final ReceiverPage page;

  ReceiverDispatcher(
      Clock clock,
      Sleeper sleeper,
      ReceiverFaults faults,
      AccessGate gate,
      PushContentProcessor pushes,
      EventBatchProcessor batches,
      ReceiverLedger ledger) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.faults = faults;
    this.gate = gate;
    this.pushes = pushes;
    this.batches = batches;
    this.ledger = ledger;
    this.page = new ReceiverPage(ledger);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      serve(exchange);
    } catch (IOException | RuntimeException e) {
      LOG.debug("reference receiver: exchange failed: {}", e.toString());
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    if (page.serve(exchange)) {
      return;
    }
    long sequence = arrivals.incrementAndGet();
    Instant receivedAt = clock.instant();
    Endpoint endpoint = Endpoint.of(exchange.getRequestURI().getPath());
    Optional<byte[]> body = Exchanges.readBody(exchange);
    PushFacts facts =
        endpoint == Endpoint.PUSH_CONTENT && body.isPresent()
            ? PushFacts.peek(body.get())
            : PushFacts.NONE;
    Answer answer;
    if (endpoint == Endpoint.OTHER) {
      answer = Answer.empty(404, "not_found");
    } else if (!"POST".equals(exchange.getRequestMethod())) {
      answer = Answer.empty(405, "method_not_allowed").withHeader("Allow", "POST");
    } else if (body.isEmpty()) {
      answer = Answer.json(413, "payload_too_large", Json.error("payload_too_large"));
    } else {
      answer = answerSafely(exchange, endpoint, body.get(), facts, receivedAt);
    }
    ledger.record(
        new ReceivedRequest(
            sequence,
            endpoint,
            receivedAt,
            answer.status(),
            answer.code(),
            facts.namespace(),
            facts.artifactPath(),
            facts.contentHash(),
            facts.contentBytes(),
            answer.eventCount()));
    Exchanges.send(exchange, answer, faults.dripFor(endpoint), sleeper);
  }

  private Answer answerSafely(
      HttpExchange exchange, Endpoint endpoint, byte[] body, PushFacts facts, Instant at) {
    try {
      return answer(exchange, endpoint, body, facts, at);
    } catch (RuntimeException e) {
      LOG.warn("reference receiver: unexpected failure serving {}", endpoint, e);
      return Answer.json(500, "internal_error", Json.error("internal_error"));
    }
  }

  private Answer answer(
      HttpExchange exchange, Endpoint endpoint, byte[] body, PushFacts facts, Instant at) {
    pause(faults.delayFor(endpoint));
    switch (faults.decide(endpoint)) {
      case RESET:
        return Answer.drop();
      case SERVICE_UNAVAILABLE:
        return Answer.json(503, "fault:503", Json.error("service_unavailable"));
      case RATE_LIMITED:
        long seconds = faults.retryAfterSeconds();
        return Answer.json(
                429,
                "fault:429",
                Json.bytes(
                    Json.MAPPER
                        .createObjectNode()
                        .put("error", "rate_limited")
                        .put("retry_after", seconds)))
            .withHeader("Retry-After", Long.toString(seconds));
      case BARE_NOT_FOUND:
        return Answer.empty(404, "fault:404");
      case NONE:
      default:
        break;
    }
    if (!gate.admits(Exchanges.header(exchange, "Authorization"))) {
      return Answer.json(
          401,
          faults.tokensRejected() ? "fault:unauthorized" : "unauthorized",
          Json.error("unauthorized"));
    }
    if (endpoint == Endpoint.PUSH_CONTENT) {
      return pushes.process(Exchanges.header(exchange, "Content-Type"), facts);
    }
    return batches.process(Exchanges.header(exchange, "Content-Encoding"), body, at);
  }

  private void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
