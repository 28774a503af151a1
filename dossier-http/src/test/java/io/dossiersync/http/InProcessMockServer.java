package io.dossiersync.http;

import org.mockserver.configuration.ConfigurationProperties;
import org.mockserver.integration.ClientAndServer;

/**
 * One MockServer on a free loopback port for the whole test run, started on first use and
 * stopped when the test JVM exits. Tests reset it before each use.
 */
final class InProcessMockServer {

  private static ClientAndServer server;

  private InProcessMockServer() {}

  static synchronized ClientAndServer get() {
    if (server == null) {
      ConfigurationProperties.logLevel("WARN");
      ClientAndServer started = ClientAndServer.startClientAndServer(0);
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "mockserver-stop"));
      server = started;
    }
    return server;
  }

  static String baseUrl() {
    return "http://127.0.0.1:" + get().getPort();
  }
}
