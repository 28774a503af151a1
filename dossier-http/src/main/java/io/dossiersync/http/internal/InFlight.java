package io.dossiersync.http.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchanges in flight through one holder (an endpoint, or the whole pooled client), so that
 * closing the holder aborts each of them at once. Once closed, every exchange tracked afterwards is
 * aborted as it arrives, so none slips past a close. Thread-safe.
 */
final class InFlight {

  private final Set<Exchange> exchanges = ConcurrentHashMap.newKeySet();
  private final String closedReason;
  private volatile boolean closed;

  /**
   * @param closedReason the reason an exchange aborted by {@link #abortAll()} carries
   */
  InFlight(String closedReason) {
    this.closedReason = closedReason;
  }

  void track(Exchange exchange) {
    exchanges.add(exchange);
    if (closed) {
      exchange.abort(closedReason);
    }
  }

  void untrack(Exchange exchange) {
    exchanges.remove(exchange);
  }

  /** The exchanges in flight, a live view (weakly consistent, as the set's iterator is). */
  Iterable<Exchange> exchanges() {
    return exchanges;
  }

  /** Aborts every exchange in flight now and every one tracked from now on. */
  void abortAll() {
    closed = true;
    abortNow();
  }

  /** Aborts every exchange in flight now; later ones go ahead. */
  void abortNow() {
    for (Exchange exchange : exchanges) {
      exchange.abort(closedReason);
    }
  }
}
