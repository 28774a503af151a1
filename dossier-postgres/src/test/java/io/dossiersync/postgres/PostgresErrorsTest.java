package io.dossiersync.postgres;

import static io.dossiersync.postgres.TestTasks.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.QueueStoreException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement the server refuses never puts a body into the error (STYLE: never log a body): the
 * driver's default message would quote the batch entry with its parameters, the body among them (as
 * text, or as the hex of its bytes now that bodies are {@code bytea}). The server is made to refuse
 * the body with a check constraint this test adds (a body with U+0000, which it used to refuse, is
 * stored since schema version 3).
 */
class PostgresErrorsTest {

  private static final NamespaceRef NS = namespace("001-errors");

  @Test
  void aRefusedBodyIsNotQuotedInTheError() {
    String body = "private spec text\u0000 that must not leak";
    String hex = HexFormat.of().formatHex("private spec".getBytes(StandardCharsets.UTF_8));
    String schema = PostgresServer.freshSchema();
    try (PostgresQueueStore store = PostgresServer.open(schema)) {
      PostgresServer.execute(
          "ALTER TABLE "
              + schema
              + ".body_queue ADD CONSTRAINT short_bodies"
              + " CHECK (octet_length(content_body) < 8)");
      assertThatThrownBy(
              () ->
                  store
                      .bodies()
                      .enqueue(
                          List.of(new BodyUploadTask("u1", NS, "a.md", "h1", body, body.length())),
                          Instant.now()))
          .isInstanceOf(QueueStoreException.class)
          .hasMessageContaining("23514")
          .satisfies(
              e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                  assertThat(String.valueOf(t.getMessage()))
                      .doesNotContain("private spec text")
                      .doesNotContainIgnoringCase(hex);
                }
              });
    }
  }
}
