package io.dossiersync.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The cold drain floor of the {@code cli} scenario, a fresh JVM with a bare HttpClient 5: post the
 * queued events in gzip batches of 100, then every queued body as its push-content JSON, with
 * {@code N} threads sharing one pooled client, to a receiver in another process. The rows are read
 * from the reference queue file before the clock starts; encoding is timed. Usage: {@code
 * HttpFloorMain <reference-queue.db> <base-uri> <concurrency>}.
 */
public final class HttpFloorMain {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int EVENT_BATCH = 100;
  private static final String[] BODY_FIELDS = {
    "project_uuid",
    "feature_slug",
    "target_branch",
    "mission_key",
    "manifest_version",
    "artifact_path",
    "content_hash",
    "hash_algorithm",
    "content_body"
  };

  private HttpFloorMain() {}

  /**
   * Runs the floor once.
   *
   * @param args the reference queue file, the receiver's base URI, the concurrency
   * @throws Exception when a request fails or is answered with an unexpected status
   */
  public static void main(String[] args) throws Exception {
    ColdFloor clock = new ColdFloor();
    List<String> events = new ArrayList<>();
    List<String[]> bodies = new ArrayList<>();
    try (Connection queue = QueueRows.open(Path.of(args[0]))) {
      read(queue, "select payload from event_queue order by id", 1, row -> events.add(row[0]));
      read(
          queue,
          "select " + String.join(", ", BODY_FIELDS) + " from body_queue order by id",
          BODY_FIELDS.length,
          bodies::add);
    }
    URI base = URI.create(args[1]);
    int threads = Integer.parseInt(args[2]);
    clock.preloaded();
    try (CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(threads)
                    .setMaxConnPerRoute(threads)
                    .build())
            .build()) {
      int batches = (events.size() + EVENT_BATCH - 1) / EVENT_BATCH;
      post(
          client,
          base.resolve("/api/v1/events/batch/"),
          threads,
          batches,
          true,
          b ->
              eventBatch(
                  events.subList(b * EVENT_BATCH, Math.min(events.size(), (b + 1) * EVENT_BATCH))));
      post(
          client,
          base.resolve("/api/dossier/push-content/"),
          threads,
          bodies.size(),
          false,
          i -> body(bodies.get(i)));
    }
  }

  private static void read(Connection c, String sql, int columns, Consumer<String[]> sink)
      throws SQLException {
    try (Statement select = c.createStatement();
        ResultSet rs = select.executeQuery(sql)) {
      while (rs.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rs.getString(i + 1);
        }
        sink.accept(row);
      }
    }
  }

  /** Posts requests 0..count-1 with {@code threads} threads; each answer must be 2xx. */
  private static void post(
      CloseableHttpClient client,
      URI uri,
      int threads,
      int count,
      boolean gzip,
      IntFunction<byte[]> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      ContentType json = ContentType.create("application/json");
      AtomicInteger next = new AtomicInteger();
      List<Future<Integer>> loops = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        loops.add(
            pool.submit(
                () -> {
                  int sent = 0;
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    HttpPost post = new HttpPost(uri);
                    post.setHeader("Authorization", "Bearer bench-token");
                    post.setEntity(
                        new ByteArrayEntity(request.apply(i), json, gzip ? "gzip" : null));
                    int status =
                        client.execute(
                            post,
                            r -> {
                              EntityUtils.consume(r.getEntity());
                              return r.getCode();
                            });
                    if (status / 100 != 2) {
                      throw new IllegalStateException(uri + " answered " + status);
                    }
                    sent++;
                  }
                  return sent;
                }));
      }
      int sent = 0;
      for (Future<Integer> loop : loops) {
        sent += loop.get();
      }
      if (sent != count) {
        throw new IllegalStateException("sent " + sent + " of " + count + " to " + uri);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] eventBatch(List<String> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192);
        JsonGenerator json = JSON.createGenerator(gzip)) {
      json.writeStartObject();
      json.writeArrayFieldStart("events");
      for (String event : events) {
        json.writeRawValue(event);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] body(String[] row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(row[8].length() + 512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      for (int i = 0; i < BODY_FIELDS.length; i++) {
        json.writeStringField(BODY_FIELDS[i], row[i]);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
