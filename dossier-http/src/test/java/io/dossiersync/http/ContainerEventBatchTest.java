package io.dossiersync.http;

import org.mockserver.client.MockServerClient;
import org.testcontainers.containers.MockServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The event batch contract against a MockServer container (a receiver on another network
 * stack); skipped when no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerEventBatchTest extends EventBatchContractTest {

  @Container
  static final MockServerContainer RECEIVER =
      new MockServerContainer(DockerImageName.parse("mockserver/mockserver:5.15.0"));

  @Override
  protected MockServerClient mockServer() {
    return new MockServerClient(RECEIVER.getHost(), RECEIVER.getServerPort());
  }

  @Override
  protected String baseUrl() {
    return RECEIVER.getEndpoint();
  }
}
