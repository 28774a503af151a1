package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/** A plain java.net.http client for the receiver's tests (deliberately not dossier-http). */
final class ReceiverClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private Optional<String> token;

  ReceiverClient(URI base, String token) {
    this.base = base;
    this.token = Optional.of(token);
  }

  ReceiverClient withoutToken() {
    token = Optional.empty();
    return this;
  }

  ReceiverClient token(String newToken) {
    token = Optional.of(newToken);
    return this;
  }

  Reply push(ObjectNode fields) {
    return pushRaw(fields.toString().getBytes(StandardCharsets.UTF_8), "application/json");
  }

  Reply pushRaw(byte[] body, String contentType) {
    return send(
        request(Endpoint.PUSH_CONTENT, Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  Reply events(ObjectNode... events) {
    ArrayNode array = JSON.createArrayNode();
    for (ObjectNode event : events) {
      array.add(event);
    }
    ObjectNode batch = JSON.createObjectNode();
    batch.set("events", array);
    return batchRaw(gzip(batch.toString().getBytes(StandardCharsets.UTF_8)), Optional.of("gzip"));
  }

  Reply batchRaw(byte[] body, Optional<String> contentEncoding) {
    HttpRequest.Builder request =
        request(Endpoint.EVENT_BATCH, Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    contentEncoding.ifPresent(e -> request.header("Content-Encoding", e));
    return send(request.build());
  }

  HttpResponse<byte[]> sendOrThrow(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpRequest.Builder request(Endpoint endpoint, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(endpoint.path())).timeout(timeout);
    token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    return builder;
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = sendOrThrow(request);
      return new Reply(
          response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A status, the raw body and the Retry-After header. */
  record Reply(int status, byte[] body, Optional<String> retryAfter) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
      }
    }

    String text(String field) {
      return json().path(field).asText();
    }
  }
}
