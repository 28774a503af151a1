package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dossiersync.core.transport.EventResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Serves an authorized event batch: {@code Content-Encoding: gzip} required, the gunzipped body
 * must be {@code {"events":[...]}}; each event is judged by {@link EventIntake} and the answer is
 * 200 {@code {"results":[{"event_id","status","error"}...]}}, unless the fault knobs refuse the
 * whole batch first ({@link BatchRules}: 413 over the size limit, 400 for a poison event).
 * Thread-safe.
 */
final class EventBatchProcessor {

  /** The largest gunzipped batch accepted, in bytes. */
  static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

  private final EventIntake intake;
  private final ReceiverFaults faults;

  EventBatchProcessor(EventIntake intake, ReceiverFaults faults) {
    this.intake = intake;
    this.faults = faults;
  }

  Answer process(Optional<String> contentEncoding, byte[] body, Instant receivedAt) {
    try {
      if (!contentEncoding
          .map(e -> e.strip().toLowerCase(Locale.ROOT).equals("gzip"))
          .orElse(false)) {
        throw Rejection.validation("Content-Encoding must be gzip");
      }
      JsonNode events = parse(gunzip(body)).get("events");
      if (events == null || !events.isArray()) {
        throw Rejection.validation("the body must be {\"events\":[...]}");
      }
      Optional<Answer> refused = faults.batchRules().judge(events);
      if (refused.isPresent()) {
        return refused.get();
      }
      ArrayNode results = Json.MAPPER.createArrayNode();
      for (JsonNode event : events) {
        results.add(toJson(intake.take(event, receivedAt)));
      }
      ObjectNode answer = Json.MAPPER.createObjectNode();
      answer.set("results", results);
      return Answer.json(200, "delivered", Json.bytes(answer)).withEventCount(events.size());
    } catch (Rejection rejection) {
      return rejection.toAnswer();
    }
  }

  private static byte[] gunzip(byte[] body) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] inflated = in.readNBytes(MAX_INFLATED_BYTES + 1);
      if (inflated.length > MAX_INFLATED_BYTES) {
        throw Rejection.validation("the gunzipped batch is over " + MAX_INFLATED_BYTES + " bytes");
      }
      return inflated;
    } catch (IOException e) {
      throw Rejection.validation("the body is not valid gzip");
    }
  }

  private static JsonNode parse(byte[] json) {
    try {
      JsonNode root = Json.MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw Rejection.validation("the body must be {\"events\":[...]}");
      }
      return root;
    } catch (IOException e) {
      throw Rejection.validation("the gunzipped body is not valid JSON");
    }
  }

  private static ObjectNode toJson(EventResult result) {
    ObjectNode node =
        Json.MAPPER
            .createObjectNode()
            .put("event_id", result.eventId())
            .put("status", result.status().name().toLowerCase(Locale.ROOT));
    if (result.error().isPresent()) {
      node.put("error", result.error().get());
    } else {
      node.putNull("error");
    }
    return node;
  }
}
