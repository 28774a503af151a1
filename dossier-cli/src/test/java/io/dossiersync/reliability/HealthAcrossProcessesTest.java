package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.receiver.ReferenceReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue health (PRODUCT.md §3, §6 {@code status}) is written by a drain in one process (a child
 * JVM) and read by {@code dossier status} in another (this JVM): a drain against a receiver that is
 * down records the attempt and its error, a later drain that delivers records the delivery and
 * clears the error; each records the drainer heartbeat.
 */
class HealthAcrossProcessesTest {

  @TempDir Path dir;

  @Test
  void healthWrittenByOneProcessIsReadByAnother() throws Exception {
    Path specs = Checkouts.generated(dir.resolve("checkout"), 2, 1, 19);
    Path db = dir.resolve("queue.db");
    Recovery.syncNoDrain(specs, db);
    JsonNode before = status(db);
    assertThat(before.get("last_attempt_at").isNull()).as(before.toString()).isTrue();
    assertThat(before.get("drainer_heartbeat_at").isNull()).isTrue();

    Instant started = Instant.now().minusSeconds(1);
    try (ChildDossier down =
        ChildDossier.start(
            Recovery.env(),
            "drain",
            "--db",
            db.toString(),
            "--server",
            "http://127.0.0.1:" + closedPort())) {
      down.await(60);
    }
    JsonNode failed = status(db);
    assertThat(failed.get("last_delivery_at").isNull()).as(failed.toString()).isTrue();
    assertThat(Instant.parse(failed.get("last_attempt_at").asText())).isAfter(started);
    assertThat(Instant.parse(failed.get("drainer_heartbeat_at").asText())).isAfter(started);
    assertThat(failed.get("last_error").asText())
        .doesNotContain("\n")
        .doesNotContain(Recovery.TOKEN)
        .isNotBlank();

    try (ReferenceReceiver receiver = Recovery.receiver();
        ChildDossier up =
            ChildDossier.start(
                Recovery.env(),
                "drain",
                "--until-empty",
                "--db",
                db.toString(),
                "--server",
                receiver.baseUri().toString())) {
      CliRun run = up.await(60);
      assertThat(run.exitCode()).as(run.toString()).isZero();
    }
    JsonNode delivered = status(db);
    assertThat(Instant.parse(delivered.get("last_delivery_at").asText()))
        .isAfterOrEqualTo(Instant.parse(failed.get("last_attempt_at").asText()));
    assertThat(delivered.get("last_error").isNull()).as(delivered.toString()).isTrue();
  }

  private static JsonNode status(Path db) {
    CliRun status = CliRun.inProcess(Recovery.env(), "status", "--json", "--db", db.toString());
    assertThat(status.exitCode()).as(status.toString()).isZero();
    return status.json().get("health");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
