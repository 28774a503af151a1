package io.dossiersync.http;

import org.mockserver.client.MockServerClient;

/** A MockServer receiver that a contract test scripts and inspects. */
interface Receiver {

  /** The client that sets expectations and reads recorded requests. */
  MockServerClient mockServer();

  /** The receiver's base URL, as a host would configure it. */
  String baseUrl();
}
