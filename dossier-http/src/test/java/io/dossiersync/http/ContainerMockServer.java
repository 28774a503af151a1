package io.dossiersync.http;

import org.mockserver.client.MockServerClient;
import org.testcontainers.containers.MockServerContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One MockServer container ({@code mockserver/mockserver:5.15.0}) for the whole test run, started
 * on first use; Testcontainers removes it when the JVM exits. Only used by tests marked
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so it is never started without Docker.
 */
final class ContainerMockServer implements Receiver {

  static final ContainerMockServer RECEIVER = new ContainerMockServer();

  private MockServerContainer container;

  private ContainerMockServer() {}

  private synchronized MockServerContainer container() {
    if (container == null) {
      MockServerContainer started =
          new MockServerContainer(DockerImageName.parse("mockserver/mockserver:5.15.0"));
      started.start();
      container = started;
    }
    return container;
  }

  @Override
  public MockServerClient mockServer() {
    return new MockServerClient(container().getHost(), container().getServerPort());
  }

  @Override
  public String baseUrl() {
    return container().getEndpoint();
  }
}
