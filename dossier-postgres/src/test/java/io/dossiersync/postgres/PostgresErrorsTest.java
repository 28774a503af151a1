package io.dossiersync.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.QueueStoreException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement the server refuses never puts a body into the error (STYLE: never log a body):
 * PostgreSQL's {@code text} cannot hold U+0000, so a body with one is refused, and the driver's
 * default message would quote the batch entry with its parameters, the body among them.
 */
class PostgresErrorsTest {

  private static final NamespaceRef NS =
      new NamespaceRef(
          "11111111-2222-3333-4444-555555555555", "001-errors", "main", "software-dev", "1");

  @Test
  void aRefusedBodyIsNotQuotedInTheError() {
    String body = "private spec text\u0000 that must not leak";
    try (PostgresQueueStore store = PostgresServer.store(1_000)) {
      assertThatThrownBy(
              () ->
                  store
                      .bodies()
                      .enqueue(
                          List.of(new BodyUploadTask("u1", NS, "a.md", "h1", body, body.length())),
                          Instant.now()))
          .isInstanceOf(QueueStoreException.class)
          .hasMessageContaining("22021")
          .satisfies(
              e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                  org.assertj.core.api.Assertions.assertThat(String.valueOf(t.getMessage()))
                      .doesNotContain("private spec text");
                }
              });
    }
  }
}
