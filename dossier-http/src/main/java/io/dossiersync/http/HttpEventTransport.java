package io.dossiersync.http;

import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventTransport;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import io.dossiersync.http.internal.BatchAnswerClassifier;
import io.dossiersync.http.internal.EventBatchJson;
import io.dossiersync.http.internal.ReceiverEndpoint;
import java.util.List;
import java.util.Optional;

/**
 * {@link EventTransport} over HTTP: {@code POST {base}/api/v1/events/batch/} with {@code
 * {"events":[...]}} gzip-compressed ({@code Content-Encoding: gzip}), the same bearer token as the
 * content transport, classified by PRODUCT.md §4.2.
 *
 * <pre>{@code
 * try (HttpEventTransport http = HttpEventTransport.create(config, tokens)) {
 *   EventBatchResult result = http.send(events);
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #send} never throws: a failure without an answer is a {@code RETRY} of the
 * whole batch. Each send writes one DEBUG line with the method, path, status, reason, event count
 * and time taken; the token and the payload are never logged. Nothing is durable here.
 *
 * @since 0.1.0
 */
public final class HttpEventTransport extends EndpointTransport implements EventTransport {

  HttpEventTransport(ReceiverEndpoint endpoint) {
    super(endpoint);
  }

  /**
   * A transport with a pool of its own, released by {@link #close()}.
   *
   * @param config the settings
   * @param tokens where the bearer token comes from
   * @return the transport
   */
  public static HttpEventTransport create(HttpTransportConfig config, TokenProvider tokens) {
    return HttpTransports.standalone(config, factory -> factory.eventTransport(tokens));
  }

  @Override
  public EventBatchResult send(List<EventRecord> events) {
    return post(
        () -> EventBatchJson.encodeGzip(events),
        Optional.of("gzip"),
        BatchAnswerClassifier::classify,
        reason ->
            EventBatchResult.notDelivered(TransportOutcome.RETRY, 0, reason, Optional.empty()),
        r -> r.httpStatus() + " " + r.outcome() + " " + r.reason(),
        () -> "events=" + events.size());
  }
}
