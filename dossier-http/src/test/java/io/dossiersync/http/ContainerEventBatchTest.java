package io.dossiersync.http;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The event batch contract against a MockServer container; skipped without a Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerEventBatchTest extends EventBatchContractTest {

  @Override
  protected Receiver receiver() {
    return ContainerMockServer.RECEIVER;
  }
}
