package io.dossiersync.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dossiersync.core.queue.EventRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the event batch body, {@code {"events":[<event>, ...]}}, gzip-compressed (PRODUCT.md
 * §4.2). Each event's {@link EventRecord#json()} is copied as it is, unparsed. Thread-safe.
 */
public final class EventBatchJson {

  private static final JsonFactory JSON = new JsonFactory();

  private EventBatchJson() {}

  /**
   * Encodes and compresses a batch.
   *
   * @param events the events, in order
   * @return the gzip-compressed UTF-8 JSON bytes
   */
  public static byte[] encodeGzip(List<EventRecord> events) {
    int estimate = events.stream().mapToInt(e -> e.json().length()).sum() / 4 + 64;
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimate);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192);
        JsonGenerator json = JSON.createGenerator(gzip)) {
      json.writeStartObject();
      json.writeArrayFieldStart("events");
      for (EventRecord event : events) {
        json.writeRawValue(event.json());
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode an event batch in memory", e);
    }
    return out.toByteArray();
  }
}
