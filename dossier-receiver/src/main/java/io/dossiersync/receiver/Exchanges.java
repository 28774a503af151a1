package io.dossiersync.receiver;

import com.sun.net.httpserver.HttpExchange;
import io.dossiersync.core.drain.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reading requests and writing answers on the JDK server's exchanges. */
final class Exchanges {

  /** The largest request body read; a larger one is answered 413. */
  static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  private Exchanges() {}

  /** The request body, or empty when it is over {@link #MAX_REQUEST_BYTES}. */
  static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      return body.length > MAX_REQUEST_BYTES ? Optional.empty() : Optional.of(body);
    }
  }

  static Optional<String> header(HttpExchange exchange, String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /**
   * Sends the answer; a status of 0 closes the connection without any answer. With a non-zero
   * {@code drip} the body goes out one byte at a time, {@code drip} apart.
   */
  static void send(HttpExchange exchange, Answer answer, Duration drip, Sleeper sleeper)
      throws IOException {
    if (answer.status() == 0) {
      exchange.close();
      return;
    }
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    byte[] body = answer.body();
    if (body.length == 0) {
      exchange.sendResponseHeaders(answer.status(), -1);
    } else {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (drip.isZero()) {
          out.write(body);
        } else {
          dripTo(out, body, drip, sleeper);
        }
      }
    }
    exchange.close();
  }

  private static void dripTo(OutputStream out, byte[] body, Duration drip, Sleeper sleeper)
      throws IOException {
    for (byte b : body) {
      out.write(b);
      out.flush();
      try {
        sleeper.sleep(drip);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while dripping the answer", e);
      }
    }
  }
}
