package io.dossiersync.http.internal;

import io.dossiersync.core.transport.AccessToken;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;

/**
 * One Apache HttpClient 5 (classic API) shared by the transports of one {@link
 * io.dossiersync.http.HttpTransports}: the pooled client {@link ClientAssembly} builds, or the
 * host's own client (then never closed here: this object closes what it created, not what it was
 * handed).
 *
 * <p>Every request has a total deadline ({@link ClientSettings#requestDeadline()}: pool wait,
 * connect, send and the whole answer). It is enforced by aborting the request from a {@link
 * DeadlineWatch} thread ({@code HttpUriRequestBase.cancel()} closes the connection under a blocked
 * read, so a receiver that drips one byte a second cannot hold a sender); the classic API keeps the
 * senders' simple blocking code, where the async client would need a second I/O reactor for the
 * same guarantee. At most {@link #MAX_ANSWER_BYTES} of an answer are read; a longer answer's
 * connection is dropped rather than drained.
 *
 * <p>Thread-safe. Reference-counted: each holder calls {@link #release()} once; the last release
 * aborts what is still in flight, stops the deadline watch and closes the pool. A post after that
 * fails with an {@link IllegalStateException}, which the transports report as a retryable
 * connection error.
 */
public final class PooledHttpClient {

  /** {@code application/json}, without a charset parameter (JSON is always UTF-8, RFC 8259). */
  public static final ContentType APPLICATION_JSON = ContentType.create("application/json");

  /** The most answer bytes read; the rest is discarded. Answers are small JSON objects. */
  public static final int MAX_ANSWER_BYTES = 64 * 1024;

  /** The reason of a request aborted at its deadline. */
  public static final String DEADLINE_REASON = "timeout: deadline";

  /** The reason of a request aborted because its transports were closed. */
  public static final String CLOSED_REASON = "connection_error: aborted, the transport was closed";

  private final CloseableHttpClient client;
  private final Optional<PoolingHttpClientConnectionManager> ownPool;
  private final InFlight inFlight = new InFlight(CLOSED_REASON);
  private final DeadlineWatch deadlines;
  private final AtomicInteger holders = new AtomicInteger(1);

  /**
   * Builds the pool and the client, or takes the host's client; the caller is the first holder.
   *
   * @param config the settings
   */
  public PooledHttpClient(ClientSettings config) {
    if (config.hostClient().isPresent()) {
      this.client = config.hostClient().get();
      this.ownPool = Optional.empty();
    } else {
      ClientAssembly.Assembled built = ClientAssembly.build(config);
      this.client = built.client();
      this.ownPool = Optional.of(built.pool());
    }
    this.deadlines = new DeadlineWatch(inFlight, config.requestDeadline());
  }

  /**
   * Adds a holder.
   *
   * @return this client
   * @throws IllegalStateException when the pool is already closed
   */
  public PooledHttpClient retain() {
    if (holders.getAndUpdate(n -> n > 0 ? n + 1 : n) <= 0) {
      throw new IllegalStateException("the HTTP connection pool is closed");
    }
    return this;
  }

  /** Removes a holder; the last one closes the pool. Call once per holder. */
  public void release() {
    if (holders.decrementAndGet() == 0) {
      inFlight.abortAll();
      deadlines.stop();
      if (ownPool.isPresent()) {
        client.close(CloseMode.GRACEFUL);
        ownPool.get().close(CloseMode.GRACEFUL);
      }
    }
  }

  /**
   * Aborts every request in flight on this client now (each sender gets a retryable result);
   * requests started afterwards are not affected.
   */
  public void abortInFlight() {
    inFlight.abortNow();
  }

  /**
   * Tells how many connections are leased right now (for tests and diagnostics); zero for a host's
   * own client, whose pool this object does not see.
   *
   * @return the leased connection count
   */
  public int leasedConnections() {
    return ownPool.map(p -> p.getTotalStats().getLeased()).orElse(0);
  }

  /**
   * Posts a body and reads the answer; the connection goes back to the pool (or is dropped) before
   * this returns.
   *
   * @param uri the endpoint
   * @param body the request body
   * @param contentType its content type
   * @param contentEncoding its content encoding ({@code gzip}), if any
   * @param token the bearer token, if any; never logged
   * @param endpoint the caller's own in-flight set, aborted when the caller closes
   * @return the answer
   * @throws IOException when no answer arrived (timeout, deadline, abort, reset, DNS, refused, TLS,
   *     a head over the limits)
   */
  ReceivedAnswer post(
      URI uri,
      byte[] body,
      ContentType contentType,
      Optional<String> contentEncoding,
      Optional<AccessToken> token,
      InFlight endpoint)
      throws IOException {
    if (holders.get() <= 0) {
      throw new IllegalStateException("the HTTP connection pool is closed");
    }
    HttpPost post = new HttpPost(uri);
    post.setEntity(new ByteArrayEntity(body, contentType, contentEncoding.orElse(null), false));
    token.ifPresent(t -> post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + t.value()));
    Exchange exchange = new Exchange(post);
    inFlight.track(exchange);
    endpoint.track(exchange);
    deadlines.ensureRunning();
    try {
      return execute(post);
    } catch (IOException | RuntimeException e) {
      Optional<String> aborted = exchange.abortReason();
      if (aborted.isPresent()) {
        throw new ExchangeAbortedException(aborted.get(), e);
      }
      throw e;
    } finally {
      endpoint.untrack(exchange);
      inFlight.untrack(exchange);
    }
  }

  private ReceivedAnswer execute(HttpPost post) throws IOException {
    ClassicHttpResponse response = client.executeOpen(null, post, null);
    try {
      BoundedBody.Read read = BoundedBody.read(response.getEntity(), MAX_ANSWER_BYTES);
      if (read.cut()) {
        // drop the connection rather than let closing the stream read the rest
        post.cancel();
      }
      return new ReceivedAnswer(
          response.getCode(),
          header(response.getFirstHeader(HttpHeaders.RETRY_AFTER)),
          header(response.getFirstHeader(HttpHeaders.LOCATION)),
          read.bytes());
    } finally {
      closeQuietly(response);
    }
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // the answer was read (or its failure is already on its way); a failure to give the
      // connection back costs only that connection
    }
  }

  private static Optional<String> header(@Nullable Header header) {
    return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
  }
}
