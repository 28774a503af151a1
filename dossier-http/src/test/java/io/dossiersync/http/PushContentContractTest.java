package io.dossiersync.http;

import static io.dossiersync.http.Samples.PUSH_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockserver.model.Header;
import org.mockserver.model.HttpError;
import org.mockserver.model.HttpRequest;
import org.mockserver.verify.VerificationTimes;

/**
 * The push-content wire contract (PRODUCT.md §4.1) against a MockServer receiver. Abstract: run
 * once against MockServer in-process and once against a MockServer container.
 */
abstract class PushContentContractTest extends ReceiverContractTest {

  private HttpTransports transports;

  @BeforeEach
  void openTransports() {
    transports = HttpTransports.create(config().build());
  }

  @AfterEach
  void everyConnectionIsBackInThePool() {
    int leased = transports.leasedConnections();
    transports.close();
    assertThat(leased).as("connections still leased after the test's pushes").isZero();
  }

  private PushResult push(TokenProvider tokens, PushContentRequest request) {
    try (HttpContentTransport transport = transports.contentTransport(tokens)) {
      return transport.push(request);
    }
  }

  private void answer(int status, String body, Header... headers) {
    answer(PUSH_PATH, status, body, headers);
  }

  private HttpRequest onlyRecorded() {
    return onlyRecorded(PUSH_PATH);
  }

  static Stream<AnswerRow> table() {
    String inTwoMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            Samples.NOW.plusSeconds(120).atZone(ZoneOffset.UTC));
    String html = "<html><body><h1>Bad Gateway</h1></body></html>";
    return Stream.of(
        AnswerRow.of(
            "201 stored", 201, "{\"status\":\"stored\"}", TransportOutcome.DELIVERED, "stored"),
        AnswerRow.of(
            "200 already_exists",
            200,
            "{\"status\":\"already_exists\"}",
            TransportOutcome.ALREADY_EXISTS,
            "already_exists"),
        AnswerRow.of(
            "201 HTML is malformed",
            201,
            html,
            TransportOutcome.RETRY,
            "malformed_response: 201 without a JSON object"),
        AnswerRow.of(
            "200 unknown status is malformed",
            200,
            "{\"status\":\"queued\"}",
            TransportOutcome.RETRY,
            "malformed_response: 200 with status 'queued'"),
        AnswerRow.of(
            "400 with detail",
            400,
            "{\"detail\":\"content_hash does not match\"}",
            TransportOutcome.FAILED,
            "validation_error: content_hash does not match"),
        AnswerRow.of("400 bare", 400, "", TransportOutcome.FAILED, "validation_error"),
        AnswerRow.of(
            "401",
            401,
            "{\"detail\":\"token expired\"}",
            TransportOutcome.UNAUTHORIZED,
            "unauthorized"),
        AnswerRow.of(
            "404 index_entry_not_found",
            404,
            "{\"error\":\"index_entry_not_found\"}",
            TransportOutcome.RETRY,
            "index_entry_not_found"),
        AnswerRow.of(
            "404 namespace_not_found",
            404,
            "{\"error\":\"namespace_not_found\"}",
            TransportOutcome.FAILED,
            "namespace_not_found"),
        AnswerRow.of("404 bare", 404, "", TransportOutcome.RETRY, "not_found"),
        AnswerRow.of("404 HTML", 404, html, TransportOutcome.RETRY, "not_found"),
        AnswerRow.of(
            "404 JSON list", 404, "[\"namespace_not_found\"]", TransportOutcome.RETRY, "not_found"),
        AnswerRow.of(
            "404 other error",
            404,
            "{\"error\":\"gone_fishing\"}",
            TransportOutcome.RETRY,
            "not_found: gone_fishing"),
        AnswerRow.of(
            "429 body retry_after beats a shorter header",
            429,
            "{\"retry_after\":30}",
            TransportOutcome.RETRY,
            "rate_limited",
            Optional.of(Duration.ofSeconds(30)),
            new Header("Retry-After", "5")),
        AnswerRow.retryAfterHeader(
            "429 HTTP-date header", 429, "rate_limited", inTwoMinutes, Duration.ofSeconds(120)),
        AnswerRow.of(
            "429 without a hint",
            429,
            "",
            TransportOutcome.RETRY,
            "rate_limited",
            Optional.empty()),
        AnswerRow.of("500", 500, "oops", TransportOutcome.RETRY, "http_500"),
        AnswerRow.of("502 HTML", 502, html, TransportOutcome.RETRY, "http_502"),
        AnswerRow.retryAfterHeader(
            "503 Retry-After seconds", 503, "http_503", "7", Duration.ofSeconds(7)),
        AnswerRow.of(
            "403 is unexpected",
            403,
            "{\"error\":\"forbidden\"}",
            TransportOutcome.FAILED,
            "unexpected_status: 403"),
        AnswerRow.of(
            "413 is unexpected", 413, "", TransportOutcome.FAILED, "unexpected_status: 413"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void classifiesEveryRowOfTheTable(AnswerRow row) {
    answer(row.status(), row.body(), row.headers());

    PushResult result = push(TokenProvider.fixed(Samples.TOKEN), Samples.push("spec.md"));

    assertThat(result.outcome()).isEqualTo(row.outcome());
    assertThat(result.reason()).isEqualTo(row.reason());
    assertThat(result.httpStatus()).isEqualTo(row.status());
    if (row.retryAfter() != null) {
      assertThat(result.retryAfter()).isEqualTo(row.retryAfter());
    }
  }

  @Test
  void sendsExactlyTheNineFieldsWithTheirValues() throws Exception {
    answer(201, "{\"status\":\"stored\"}");

    push(TokenProvider.fixed(Samples.TOKEN), Samples.push("research/notes \"a\".md"));

    JsonNode expected =
        JSON.createObjectNode()
            .put("project_uuid", "8a4a7da6-a97c-4bb4-893a-b31664abfee4")
            .put("feature_slug", "047-http-transport")
            .put("target_branch", "main")
            .put("mission_key", "software-dev")
            .put("manifest_version", "1")
            .put("artifact_path", "research/notes \"a\".md")
            .put("content_hash", Samples.push("x").contentHash())
            .put("hash_algorithm", "sha256")
            .put("content_body", Samples.BODY);
    assertThat(JSON.readTree(onlyRecorded().getBodyAsRawBytes())).isEqualTo(expected);
  }

  @Test
  void sendsContentTypeBearerTokenAndUserAgent() {
    answer(201, "{\"status\":\"stored\"}");

    push(TokenProvider.fixed(Samples.TOKEN), Samples.push("spec.md"));

    HttpRequest recorded = onlyRecorded();
    assertThat(recorded.getMethod().getValue()).isEqualTo("POST");
    assertThat(recorded.getFirstHeader("Content-Type")).isEqualTo("application/json");
    assertThat(recorded.getFirstHeader("Authorization"))
        .isEqualTo("Bearer " + Samples.TOKEN.value());
    assertThat(recorded.getFirstHeader("User-Agent")).matches("dossier-sync/\\d+\\.\\d+\\.\\d+.*");
    assertThat(recorded.getFirstHeader("Content-Encoding")).isEmpty();
  }

  @Test
  void omitsAuthorizationWithoutAToken() {
    answer(401, "");

    PushResult result = push(TokenProvider.none(), Samples.push("spec.md"));

    assertThat(result.outcome()).isEqualTo(TransportOutcome.UNAUTHORIZED);
    assertThat(onlyRecorded().containsHeader("Authorization")).isFalse();
  }

  @Test
  void doesNotFollowARedirectAndNamesTheLocation() {
    String target = baseUrl() + "/elsewhere/push-content/";
    answer(307, "", new Header("Location", target));
    mockServer()
        .when(request().withPath("/elsewhere/push-content/"))
        .respond(response().withStatusCode(201).withBody("{\"status\":\"stored\"}"));

    PushResult result = push(TokenProvider.fixed(Samples.TOKEN), Samples.push("spec.md"));

    assertThat(result.outcome()).isEqualTo(TransportOutcome.FAILED);
    assertThat(result.reason()).isEqualTo("redirect: " + target);
    mockServer().verify(request().withPath("/elsewhere/push-content/"), VerificationTimes.never());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aSlowReceiverIsARetryableTimeout() {
    mockServer()
        .when(request().withPath(PUSH_PATH))
        .respond(response().withStatusCode(201).withDelay(TimeUnit.SECONDS, 30));
    HttpTransportConfig quick = config().responseTimeout(Duration.ofMillis(300)).build();

    PushResult result;
    try (HttpContentTransport transport =
        HttpContentTransport.create(quick, TokenProvider.fixed(Samples.TOKEN))) {
      result = transport.push(Samples.push("spec.md"));
    }

    assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
    assertThat(result.httpStatus()).isZero();
    assertThat(result.reason()).startsWith("timeout: ");
  }

  @Test
  void aDroppedConnectionIsARetryableConnectionError() {
    mockServer()
        .when(request().withPath(PUSH_PATH))
        .error(HttpError.error().withDropConnection(true));

    PushResult result = push(TokenProvider.fixed(Samples.TOKEN), Samples.push("spec.md"));

    assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
    assertThat(result.httpStatus()).isZero();
    assertThat(result.reason()).startsWith("connection_error: ");
  }

  @Test
  void fourThreadsPushConcurrentlyOnOneTransport() throws Exception {
    answer(201, "{\"status\":\"stored\"}");
    int threads = 4;
    int perThread = 20;
    List<PushResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (HttpContentTransport transport =
        transports.contentTransport(TokenProvider.fixed(Samples.TOKEN))) {
      List<Callable<List<PushResult>>> jobs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        jobs.add(
            () -> {
              List<PushResult> mine = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                mine.add(transport.push(Samples.push("tasks/WP" + thread + "-" + i + ".md")));
              }
              return mine;
            });
      }
      for (Future<List<PushResult>> f : pool.invokeAll(jobs, 60, TimeUnit.SECONDS)) {
        results.addAll(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results)
        .hasSize(threads * perThread)
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(TransportOutcome.DELIVERED));
    Set<String> paths = new HashSet<>();
    for (var recorded : mockServer().retrieveRecordedRequests(request().withPath(PUSH_PATH))) {
      paths.add(JSON.readTree(recorded.getBodyAsRawBytes()).get("artifact_path").asText());
    }
    assertThat(paths).hasSize(threads * perThread);
  }
}
