package io.dossiersync.http;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The push-content contract against a MockServer container; skipped without a Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPushContentTest extends PushContentContractTest {

  @Override
  protected Receiver receiver() {
    return ContainerMockServer.RECEIVER;
  }
}
