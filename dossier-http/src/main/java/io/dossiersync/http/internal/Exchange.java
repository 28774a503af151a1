package io.dossiersync.http.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * One request in flight and the reason it was aborted, if it was. Aborting cancels the request
 * (HttpClient 5 closes the connection under it, so a blocked connect, write or read returns at
 * once); the first reason wins. Thread-safe: the sender, the deadline timer and a closing transport
 * may all touch it.
 */
final class Exchange {

  private final HttpUriRequestBase request;
  private final long startedNanos = System.nanoTime();
  private final AtomicReference<String> abortReason = new AtomicReference<>();

  Exchange(HttpUriRequestBase request) {
    this.request = request;
  }

  /** When the exchange began ({@link System#nanoTime()}): its deadline counts from here. */
  long startedNanos() {
    return startedNanos;
  }

  /**
   * Aborts the request unless it was already aborted.
   *
   * @param reason the reason code the sender's result carries, e.g. {@code timeout: deadline}
   */
  void abort(String reason) {
    if (abortReason.compareAndSet(null, reason)) {
      request.cancel();
    }
  }

  /** The reason this exchange was aborted, if it was. */
  Optional<String> abortReason() {
    return Optional.ofNullable(abortReason.get());
  }
}
