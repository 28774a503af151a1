package io.dossiersync.http;

import org.mockserver.client.MockServerClient;

/** The event batch contract against MockServer running in this JVM. */
class InProcessEventBatchTest extends EventBatchContractTest {

  @Override
  protected MockServerClient mockServer() {
    return InProcessMockServer.get();
  }

  @Override
  protected String baseUrl() {
    return InProcessMockServer.baseUrl();
  }
}
