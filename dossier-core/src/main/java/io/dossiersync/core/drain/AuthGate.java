package io.dossiersync.core.drain;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 401 rule of one drain round (PRODUCT.md §4.1): the first rejected token makes the round ask
 * the {@link TokenProvider} for a fresh one, once. A task rejected under the old token may then be
 * retried once; when there is no fresh token, or the fresh one is rejected too, the round pauses:
 * nothing more is sent and the unsent tasks are released. Thread-safe. Never logs a token.
 */
final class AuthGate {

  private static final Logger LOG = LoggerFactory.getLogger(AuthGate.class);

  private final TokenProvider tokens;
  private boolean refreshed;
  private Optional<AccessToken> fresh = Optional.empty();
  private volatile boolean paused;

  AuthGate(TokenProvider tokens) {
    this.tokens = tokens;
  }

  /**
   * Makes one request under this rule: when it is answered 401, makes it once more if a fresh token
   * came since ({@link #mayRetry}), and pauses the round when the retry is answered 401 too.
   *
   * @param <R> the transport's result type
   * @param request makes the request; it never throws
   * @param outcome reads a result's outcome
   * @return the last result
   */
  <R> R send(Supplier<R> request, Function<R, TransportOutcome> outcome) {
    Optional<AccessToken> token = current();
    R result = request.get();
    if (outcome.apply(result) == TransportOutcome.UNAUTHORIZED && mayRetry(token)) {
      result = request.get();
      if (outcome.apply(result) == TransportOutcome.UNAUTHORIZED) {
        paused = true;
      }
    }
    return result;
  }

  /** The token a request is about to carry; empty when none or when the provider fails. */
  private Optional<AccessToken> current() {
    try {
      return tokens.currentToken();
    } catch (RuntimeException e) {
      LOG.warn("the token provider failed: {}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * A request carrying {@code rejected} was answered 401: tells whether to retry it once with a
   * fresh token; pauses the round otherwise.
   */
  private synchronized boolean mayRetry(Optional<AccessToken> rejected) {
    if (paused) {
      return false;
    }
    if (!refreshed) {
      refreshed = true;
      fresh = refresh(rejected);
      if (fresh.isEmpty()) {
        LOG.warn(
            "the receiver rejected the token (401) and no fresh token is available: sends"
                + " pause until the token changes");
      }
    }
    boolean retry = fresh.isPresent() && !fresh.equals(rejected);
    paused = !retry;
    return retry;
  }

  boolean paused() {
    return paused;
  }

  private Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
    try {
      return tokens.refresh(rejected);
    } catch (RuntimeException e) {
      LOG.warn("the token provider failed to refresh: {}", e.toString());
      return Optional.empty();
    }
  }
}
