package io.dossiersync.http;

/** The event batch contract against MockServer running in this JVM. */
class InProcessEventBatchTest extends EventBatchContractTest {

  @Override
  protected Receiver receiver() {
    return InProcessMockServer.RECEIVER;
  }
}
