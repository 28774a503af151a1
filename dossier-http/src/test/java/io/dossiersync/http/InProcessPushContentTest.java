package io.dossiersync.http;

/** The push-content contract against MockServer running in this JVM. */
class InProcessPushContentTest extends PushContentContractTest {

  @Override
  protected Receiver receiver() {
    return InProcessMockServer.RECEIVER;
  }
}
