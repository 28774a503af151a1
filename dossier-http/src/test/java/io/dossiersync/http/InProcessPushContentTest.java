package io.dossiersync.http;

import org.mockserver.client.MockServerClient;

/** The push-content contract against MockServer running in this JVM. */
class InProcessPushContentTest extends PushContentContractTest {

  @Override
  protected MockServerClient mockServer() {
    return InProcessMockServer.get();
  }

  @Override
  protected String baseUrl() {
    return InProcessMockServer.baseUrl();
  }
}
