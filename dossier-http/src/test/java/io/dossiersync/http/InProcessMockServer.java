package io.dossiersync.http;

import org.mockserver.client.MockServerClient;
import org.mockserver.configuration.ConfigurationProperties;
import org.mockserver.integration.ClientAndServer;

/**
 * One MockServer on a free loopback port for the whole test run, started on first use and stopped
 * when the test JVM exits. Tests reset it before each use.
 */
final class InProcessMockServer implements Receiver {

  static final InProcessMockServer RECEIVER = new InProcessMockServer();

  private ClientAndServer server;

  private InProcessMockServer() {}

  static ClientAndServer get() {
    return RECEIVER.server();
  }

  static String url() {
    return RECEIVER.baseUrl();
  }

  private synchronized ClientAndServer server() {
    if (server == null) {
      ConfigurationProperties.logLevel("WARN");
      ClientAndServer started = ClientAndServer.startClientAndServer(0);
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "mockserver-stop"));
      server = started;
    }
    return server;
  }

  @Override
  public MockServerClient mockServer() {
    return server();
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + server().getPort();
  }
}
