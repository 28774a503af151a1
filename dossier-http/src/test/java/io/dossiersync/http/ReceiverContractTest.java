package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.client.MockServerClient;
import org.mockserver.model.Header;
import org.mockserver.model.HttpRequest;

/**
 * What the wire contract tests share: a {@link Receiver} reset before each test, scripted answers
 * on one path, and the requests it recorded.
 */
abstract class ReceiverContractTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The receiver to script and to inspect. */
  protected abstract Receiver receiver();

  MockServerClient mockServer() {
    return receiver().mockServer();
  }

  String baseUrl() {
    return receiver().baseUrl();
  }

  HttpTransportConfigBuilder config() {
    return HttpTransportConfig.builder(baseUrl()).clock(Samples.CLOCK);
  }

  @BeforeEach
  void resetReceiver() {
    mockServer().reset();
  }

  void answer(String path, int status, String body, Header... headers) {
    mockServer()
        .when(request().withMethod("POST").withPath(path))
        .respond(response().withStatusCode(status).withHeaders(headers).withBody(body));
  }

  HttpRequest onlyRecorded(String path) {
    HttpRequest[] recorded = mockServer().retrieveRecordedRequests(request().withPath(path));
    assertThat(recorded).hasSize(1);
    return recorded[0];
  }
}
