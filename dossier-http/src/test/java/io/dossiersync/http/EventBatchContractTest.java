package io.dossiersync.http;

import static io.dossiersync.http.Samples.BATCH_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.model.Header;
import org.mockserver.model.HttpError;
import org.mockserver.model.HttpRequest;
import org.mockserver.verify.VerificationTimes;

/**
 * The event batch wire contract (PRODUCT.md §4.2) against a MockServer receiver. Abstract: run once
 * against MockServer in-process and once against a MockServer container.
 */
abstract class EventBatchContractTest extends ReceiverContractTest {

  private HttpEventTransport transport;

  @BeforeEach
  void openTransport() {
    transport = HttpEventTransport.create(config().build(), TokenProvider.fixed(Samples.TOKEN));
  }

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  private void answer(int status, String body, Header... headers) {
    answer(BATCH_PATH, status, body, headers);
  }

  private HttpRequest onlyRecorded() {
    return onlyRecorded(BATCH_PATH);
  }

  /**
   * The request body as the receiver decoded it. MockServer gunzips a body sent with {@code
   * Content-Encoding: gzip}, so a body that was not really gzip would not parse here;
   * GzipOnTheWireTest checks the raw bytes too.
   */
  private static JsonNode decodedJson(HttpRequest recorded) throws IOException {
    return JSON.readTree(recorded.getBodyAsRawBytes());
  }

  @Test
  void sendsTheEventsGzippedWithHeadersAndReadsPerEventResults() throws Exception {
    answer(
        200,
        "{\"results\":[{\"event_id\":\"E1\",\"status\":\"success\"},"
            + "{\"event_id\":\"E2\",\"status\":\"duplicate\",\"error\":null},"
            + "{\"event_id\":\"E3\",\"status\":\"rejected\",\"error\":\"payload.size_bytes < 0\"}]}");

    EventBatchResult result = transport.send(Samples.events("E1", "E2", "E3"));

    assertThat(result.outcome()).isEqualTo(TransportOutcome.DELIVERED);
    assertThat(result.results())
        .containsExactly(
            new EventResult("E1", EventResultStatus.SUCCESS, Optional.empty()),
            new EventResult("E2", EventResultStatus.DUPLICATE, Optional.empty()),
            new EventResult(
                "E3", EventResultStatus.REJECTED, Optional.of("payload.size_bytes < 0")));
    HttpRequest recorded = onlyRecorded();
    assertThat(recorded.getFirstHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(recorded.getFirstHeader("Content-Type")).isEqualTo("application/json");
    assertThat(recorded.getFirstHeader("Authorization"))
        .isEqualTo("Bearer " + Samples.TOKEN.value());
    assertThat(recorded.getFirstHeader("User-Agent")).startsWith("dossier-sync/");
    JsonNode sent = decodedJson(recorded);
    assertThat(sent.size()).isEqualTo(1);
    assertThat(sent.get("events")).hasSize(3);
    for (int i = 0; i < 3; i++) {
      String id = "E" + (i + 1);
      assertThat(sent.get("events").get(i)).isEqualTo(JSON.readTree(Samples.event(id).json()));
    }
  }

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "401 | '' | UNAUTHORIZED | unauthorized",
        "500 | oops | RETRY | http_500",
        "503 | '' | RETRY | http_503",
        "502 | '<html>bad gateway</html>' | RETRY | http_502",
        "400 | '{\"detail\":\"events must be a list\"}' | INVALID | 'validation_error: events must be a list'",
        "400 | '' | INVALID | validation_error",
        "404 | '' | RETRY | not_found",
        "404 | '<html>Not Found</html>' | RETRY | not_found",
        "404 | '{\"error\":\"no_such_route\"}' | RETRY | 'not_found: no_such_route'",
        "408 | '' | RETRY | http_408",
        "413 | '' | TOO_LARGE | payload_too_large",
        "403 | '' | UNEXPECTED_STATUS | 'unexpected_status: 403'",
        "409 | '{\"error\":\"conflict\"}' | UNEXPECTED_STATUS | 'unexpected_status: 409'",
        "304 | '' | UNEXPECTED_STATUS | 'redirect: (no Location header)'",
        "200 | '' | RETRY | 'malformed_response: 200 no results list'",
        "200 | '<html>ok</html>' | RETRY | 'malformed_response: 200 no results list'",
        "200 | '{\"results\":{}}' | RETRY | 'malformed_response: 200 no results list'",
        "200 | '{\"results\":[{\"event_id\":\"E1\",\"status\":\"accepted\"}]}' | RETRY | "
            + "'malformed_response: 200 unreadable result {\"event_id\":\"E1\",\"status\":\"accepted\"}'",
        "200 | '{\"results\":[{\"status\":\"success\"}]}' | RETRY | "
            + "'malformed_response: 200 unreadable result {\"status\":\"success\"}'",
      })
  void classifiesTheWholeBatch(int status, String body, TransportOutcome outcome, String reason) {
    answer(status, body);

    EventBatchResult result = transport.send(Samples.events("E1"));

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.reason()).isEqualTo(reason);
    assertThat(result.httpStatus()).isEqualTo(status);
    assertThat(result.results()).isEmpty();
  }

  /** A retryable answer keeps the whole batch; its delay is the longest the receiver asked for. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rate limit: the longest delay asked for | 429 | '{\"retry_after\":2}' | 45 | rate_limited | PT45S",
        "unavailable honours Retry-After | 503 | '' | 7 | http_503 | PT7S",
        "a huge exponent in either delay is ignored | 429 | '{\"retry_after\":\"1e999999999\"}' "
            + "| 1e-999999999 | rate_limited |",
      })
  void retriesTheWholeBatchAfterTheDelayAskedFor(
      String name, int status, String body, String retryAfter, String reason, Duration delay) {
    answer(status, body, new Header("Retry-After", retryAfter));

    EventBatchResult result = transport.send(Samples.events("E1", "E2"));

    assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
    assertThat(result.reason()).isEqualTo(reason);
    assertThat(result.retryAfter()).isEqualTo(Optional.ofNullable(delay));
  }

  @Test
  void aRedirectIsFailedAndNotFollowed() {
    String target = baseUrl() + "/elsewhere/batch/";
    answer(301, "", new Header("Location", target));

    EventBatchResult result = transport.send(Samples.events("E1"));

    assertThat(result.outcome()).isEqualTo(TransportOutcome.UNEXPECTED_STATUS);
    assertThat(result.reason()).isEqualTo("redirect: " + target);
    mockServer().verify(request().withPath("/elsewhere/batch/"), VerificationTimes.never());
  }

  @Test
  void aDroppedConnectionRetriesTheWholeBatch() {
    mockServer()
        .when(request().withPath(BATCH_PATH))
        .error(HttpError.error().withDropConnection(true));

    EventBatchResult result = transport.send(Samples.events("E1", "E2"));

    assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
    assertThat(result.httpStatus()).isZero();
    assertThat(result.reason()).startsWith("connection_error: ");
  }
}
