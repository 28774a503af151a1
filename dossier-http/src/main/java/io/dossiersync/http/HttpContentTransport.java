package io.dossiersync.http;

import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.internal.PushAnswerClassifier;
import io.dossiersync.http.internal.PushContentJson;
import io.dossiersync.http.internal.ReceiverEndpoint;
import java.util.Optional;

/**
 * {@link ContentTransport} over HTTP: {@code POST {base}/api/dossier/push-content/} with the nine
 * JSON fields, {@code Content-Type: application/json} and {@code Authorization: Bearer <token>}
 * (omitted when the {@link TokenProvider} has none), classified by PRODUCT.md §4.1.
 *
 * <pre>{@code
 * try (HttpContentTransport http = HttpContentTransport.create(config, tokens)) {
 *   PushResult result = http.push(request);
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may push at once, up to the pool size in parallel. {@link
 * #push} never throws: a failure without an answer (timeout, reset, DNS, closed pool, a throwing
 * token provider) is a {@code RETRY} result. Each push writes one DEBUG line with the method, path,
 * status, reason, {@code artifact_path} and time taken; the token and the body are never logged.
 * Nothing is durable here: the caller's queue keeps the task until the result says to delete it.
 *
 * @since 0.1.0
 */
public final class HttpContentTransport extends EndpointTransport implements ContentTransport {

  HttpContentTransport(ReceiverEndpoint endpoint) {
    super(endpoint);
  }

  /**
   * A transport with a pool of its own, released by {@link #close()}.
   *
   * @param config the settings
   * @param tokens where the bearer token comes from
   * @return the transport
   */
  public static HttpContentTransport create(HttpTransportConfig config, TokenProvider tokens) {
    return HttpTransports.standalone(config, factory -> factory.contentTransport(tokens));
  }

  @Override
  public PushResult push(PushContentRequest request) {
    return post(
        () -> PushContentJson.encode(request),
        Optional.empty(),
        PushAnswerClassifier::classify,
        PushResult::networkError,
        r -> r.httpStatus() + " " + r.outcome() + " " + r.reason(),
        () -> "artifact_path=" + request.artifactPath());
  }
}
