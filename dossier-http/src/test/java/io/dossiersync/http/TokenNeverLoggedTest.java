package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.Header;
import org.mockserver.model.HttpError;

/**
 * Greps the log of the whole test run (slf4j-simple writes it to {@code target/test-logs.txt}, see
 * {@code simplelogger.properties}) for tokens and bodies. It first drives every answer path with a
 * token of its own, so it proves something whatever order the tests run in.
 */
class TokenNeverLoggedTest {

  private static final Path LOG = Path.of("target", "test-logs.txt");
  private static final String[] PUSH_ANSWERS = {
    "201|{\"status\":\"stored\"}",
    "200|{\"status\":\"already_exists\"}",
    "200|<html/>",
    "400|{\"detail\":\"bad\"}",
    "401|",
    "404|{\"error\":\"index_entry_not_found\"}",
    "404|{\"error\":\"namespace_not_found\"}",
    "404|[]",
    "429|{\"retry_after\":3}",
    "500|",
    "503|",
    "418|",
    "302|"
  };

  @Test
  void noTokenAndNoBodyEverReachesTheLog() throws Exception {
    AccessToken token = new AccessToken("tok-logguard-" + UUID.randomUUID());
    String marker = "log-guard-" + UUID.randomUUID() + ".md";
    driveEveryPath(TokenProvider.fixed(token), marker);

    String log = Files.readString(LOG, StandardCharsets.UTF_8);

    assertThat(log)
        .as("the transports' DEBUG lines were captured")
        .contains(
            "artifact_path=" + marker,
            "-> 201 DELIVERED stored",
            "-> 0 RETRY timeout:",
            "-> 401 UNAUTHORIZED",
            "-> 302 FAILED redirect:",
            "/api/v1/events/batch/ -> 200 DELIVERED");
    assertThat(log).doesNotContain(token.value(), Samples.TOKEN.value(), "Bearer ");
    assertThat(log).doesNotContain(Samples.BODY.strip(), "ünïcödé", "\"size_bytes\":42");
  }

  private static void driveEveryPath(TokenProvider tokens, String marker) {
    ClientAndServer server = InProcessMockServer.get();
    server.reset();
    HttpTransportConfig config =
        HttpTransportConfig.builder(InProcessMockServer.url())
            .responseTimeout(Duration.ofSeconds(3))
            .build();
    try (HttpTransports transports = HttpTransports.create(config);
        HttpContentTransport content = transports.contentTransport(tokens);
        HttpEventTransport events = transports.eventTransport(tokens)) {
      for (String row : PUSH_ANSWERS) {
        String[] parts = row.split("\\|", 2);
        server.reset();
        server
            .when(request().withPath(Samples.PUSH_PATH))
            .respond(
                response()
                    .withStatusCode(Integer.parseInt(parts[0]))
                    .withHeader(new Header("Retry-After", "4"))
                    .withHeader(new Header("Location", "http://127.0.0.1:1/elsewhere/"))
                    .withBody(parts[1]));
        assertThat(content.push(Samples.push(marker)).httpStatus())
            .isEqualTo(Integer.parseInt(parts[0]));
      }
      server.reset();
      server
          .when(request().withPath(Samples.PUSH_PATH))
          .respond(response().withStatusCode(201).withDelay(TimeUnit.SECONDS, 10));
      assertThat(content.push(Samples.push(marker)).outcome()).isEqualTo(TransportOutcome.RETRY);
      server.reset();
      server.when(request()).error(HttpError.error().withDropConnection(true));
      assertThat(content.push(Samples.push(marker)).outcome()).isEqualTo(TransportOutcome.RETRY);
      events.send(Samples.events("E1"));
      for (String answer :
          new String[] {
            "200|{\"results\":[{\"event_id\":\"E1\",\"status\":\"rejected\",\"error\":\"no\"}]}",
            "401|",
            "429|",
            "500|",
            "200|{}"
          }) {
        String[] parts = answer.split("\\|", 2);
        server.reset();
        server
            .when(request().withPath(Samples.BATCH_PATH))
            .respond(response().withStatusCode(Integer.parseInt(parts[0])).withBody(parts[1]));
        assertThat(events.send(Samples.events("E1", "E2")).httpStatus())
            .isEqualTo(Integer.parseInt(parts[0]));
      }
    }
    server.reset();
  }
}
