package io.dossiersync.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal JDK HTTP server on a free loopback port that answers every request with one fixed
 * status and body and keeps the raw bytes and headers of the last request, as they arrived.
 */
final class LoopbackReceiver implements AutoCloseable {

  /** The last request as received: headers and undecoded body bytes. */
  record Received(Headers headers, byte[] body) {}

  private final HttpServer server;
  private final ExecutorService workers;
  private final AtomicReference<Received> last = new AtomicReference<>();
  private final AtomicInteger count = new AtomicInteger();

  LoopbackReceiver(int status, String answer, int threads) throws IOException {
    byte[] answerBytes = answer.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    workers = Executors.newFixedThreadPool(threads);
    server.setExecutor(workers);
    server.createContext("/", exchange -> handle(exchange, status, answerBytes));
    server.start();
  }

  private void handle(HttpExchange exchange, int status, byte[] answer) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    last.set(new Received(exchange.getRequestHeaders(), body));
    count.incrementAndGet();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Received last() {
    return last.get();
  }

  int count() {
    return count.get();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
