package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enterprise hooks of issue 18 §2 over real loopback: an explicit proxy, the JVM's proxy system
 * properties, an {@code SSLContext} against a TLS server with a certificate made in the test,
 * static headers, and a host-built client that the transports never close.
 */
class HttpHooksTest {

  private static final String STORED = "{\"status\":\"stored\"}";

  @TempDir Path dir;

  /** A JDK server playing a forward proxy: records each absolute request URI and answers it. */
  private static com.sun.net.httpserver.HttpServer countingProxy(List<String> seen)
      throws IOException {
    com.sun.net.httpserver.HttpServer proxy =
        com.sun.net.httpserver.HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    proxy.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          seen.add(exchange.getRequestURI().toString());
          byte[] answer = STORED.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    proxy.start();
    return proxy;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anExplicitProxyCarriesEveryRequest() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer proxy = countingProxy(seen);
    String target = "http://127.0.0.1:" + closedPort();
    try (HttpContentTransport content =
        HttpContentTransport.create(
            HttpTransportConfig.builder(target)
                .proxy(new HttpProxy("127.0.0.1", proxy.getAddress().getPort()))
                .build(),
            TokenProvider.none())) {

      PushResult first = content.push(Samples.push("spec.md"));
      PushResult second = content.push(Samples.push("plan.md"));

      assertThat(first.outcome()).isEqualTo(TransportOutcome.DELIVERED);
      assertThat(second.outcome()).isEqualTo(TransportOutcome.DELIVERED);
      assertThat(seen)
          .containsExactly(
              target + "/api/dossier/push-content/", target + "/api/dossier/push-content/");
    } finally {
      proxy.stop(0);
    }
  }

  @Test
  void theJvmProxyPropertiesAreFollowedOnlyWhenAsked() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer proxy = countingProxy(seen);
    String target = "http://receiver.invalid";
    System.setProperty("http.proxyHost", "127.0.0.1");
    System.setProperty("http.proxyPort", Integer.toString(proxy.getAddress().getPort()));
    try (HttpContentTransport viaProperties =
            HttpContentTransport.create(
                HttpTransportConfig.builder(target).useSystemProperties().build(),
                TokenProvider.none());
        HttpContentTransport direct =
            HttpContentTransport.create(
                HttpTransportConfig.builder(target).build(), TokenProvider.none())) {

      assertThat(viaProperties.push(Samples.push("spec.md")).outcome())
          .isEqualTo(TransportOutcome.DELIVERED);
      assertThat(direct.push(Samples.push("spec.md")).reason())
          .startsWith("connection_error: unknown host");
      assertThat(seen).containsExactly(target + "/api/dossier/push-content/");
    } finally {
      System.clearProperty("http.proxyHost");
      System.clearProperty("http.proxyPort");
      proxy.stop(0);
    }
  }

  @Test
  void anSslContextReachesATlsReceiverWithItsOwnCertificate() throws Exception {
    KeyStore keys = selfSignedKeyStore();
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(keys);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);

    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] answer = STORED.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
    String base = "https://localhost:" + server.getAddress().getPort();
    try (HttpContentTransport trusting =
            HttpContentTransport.create(
                HttpTransportConfig.builder(base).sslContext(clientTls).build(),
                TokenProvider.none());
        HttpContentTransport jdkDefault =
            HttpContentTransport.create(
                HttpTransportConfig.builder(base).build(), TokenProvider.none())) {

      assertThat(trusting.push(Samples.push("spec.md")).outcome())
          .isEqualTo(TransportOutcome.DELIVERED);
      PushResult refused = jdkDefault.push(Samples.push("spec.md"));
      assertThat(refused.outcome()).isEqualTo(TransportOutcome.RETRY);
      assertThat(refused.reason()).startsWith("connection_error: TLS");
    } finally {
      server.stop(0);
    }
  }

  private KeyStore selfSignedKeyStore() throws Exception {
    Path store = dir.resolve("receiver.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "receiver",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-validity",
                "2",
                "-ext",
                "san=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    return keys;
  }

  @Test
  void staticHeadersReachTheReceiverWithoutReplacingTheTransportsOwn() throws Exception {
    try (LoopbackReceiver receiver = new LoopbackReceiver(201, STORED, 1);
        HttpContentTransport content =
            HttpContentTransport.create(
                HttpTransportConfig.builder(receiver.baseUrl())
                    .header("X-Api-Key", "gateway-key")
                    .header("X-Tenant", "t1")
                    .build(),
                TokenProvider.fixed(Samples.TOKEN))) {

      assertThat(content.push(Samples.push("spec.md")).outcome())
          .isEqualTo(TransportOutcome.DELIVERED);

      var headers = receiver.last().headers();
      assertThat(headers.getFirst("X-Api-Key")).isEqualTo("gateway-key");
      assertThat(headers.getFirst("X-Tenant")).isEqualTo("t1");
      assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer " + Samples.TOKEN.value());
      assertThat(headers.getFirst("Content-Type")).isEqualTo("application/json");
      assertThat(headers.get("Accept-Encoding")).isNull();
    }
  }

  @Test
  void aHostBuiltClientIsUsedAndNeverClosed() throws Exception {
    try (LoopbackReceiver receiver = new LoopbackReceiver(201, STORED, 1);
        CloseableHttpClient hostClient = HttpClients.createDefault()) {
      HttpTransports transports =
          HttpTransports.create(
              HttpTransportConfig.builder(receiver.baseUrl()).httpClient(hostClient).build());
      HttpContentTransport content = transports.contentTransport(TokenProvider.none());
      assertThat(content.push(Samples.push("spec.md")).outcome())
          .isEqualTo(TransportOutcome.DELIVERED);
      assertThat(transports.leasedConnections()).isZero();

      content.close();
      transports.close();

      int status =
          hostClient.execute(
              new HttpPost(receiver.baseUrl() + "/still-open"), response -> response.getCode());
      assertThat(status).isEqualTo(201);
      assertThat(receiver.count()).isEqualTo(2);
    }
  }
}
