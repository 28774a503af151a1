package io.dossiersync.receiver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The receiver's read-only page (PRODUCT.md §6 {@code dossier receiver}): {@code GET /} shows what
 * was stored ({@link PageHtml}), {@code GET /page/version} the ledger's version for the page's
 * refresh script. Page views are not protocol requests: they are not recorded in the ledger and
 * need no token. Every response forbids caching, framing and any script but the page's own (a
 * Content-Security-Policy nonce), a second guard behind the escaping of bodies. Thread-safe.
 */
final class ReceiverPage {

  private static final SecureRandom NONCES = new SecureRandom();

  private final ReceiverLedger ledger;

  ReceiverPage(ReceiverLedger ledger) {
    this.ledger = ledger;
  }

  /**
   * Serves the exchange when it asks for the page; else leaves it untouched.
   *
   * @return true when the exchange was answered
   */
  boolean serve(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      return false;
    }
    String path = exchange.getRequestURI().getPath();
    if ("/".equals(path)) {
      byte[] nonceBytes = new byte[16];
      NONCES.nextBytes(nonceBytes);
      String nonce = HexFormat.of().formatHex(nonceBytes);
      exchange
          .getResponseHeaders()
          .set(
              "Content-Security-Policy",
              "default-src 'none';"
                  + " style-src 'unsafe-inline'; img-src 'self'; connect-src 'self'; script-src 'nonce-"
                  + nonce
                  + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      send(
          exchange,
          "text/html; charset=utf-8",
          PageHtml.render(PageEntry.of(ledger), version(), nonce));
      return true;
    }
    if ("/page/version".equals(path)) {
      send(exchange, "text/plain; charset=utf-8", Long.toString(version()));
      return true;
    }
    return false;
  }

  /** Changes whenever the ledger records a request. */
  private long version() {
    return ledger.requests().size();
  }

  private static void send(HttpExchange exchange, String contentType, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
