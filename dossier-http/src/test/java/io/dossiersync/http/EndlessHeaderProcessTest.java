package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.http.HostileServer.Behaviour;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: an endless answer header line costs one failed request, not the process. The transport
 * runs in a child JVM with {@code -Xmx64m} against a raw-socket hostile server in this one.
 */
class EndlessHeaderProcessTest {

  @Test
  void aChildWithA64MbHeapSurvivesEndlessHeaders() throws Exception {
    try (HostileServer server = new HostileServer(Behaviour.ENDLESS_HEADER)) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process child =
          new ProcessBuilder(
                  List.of(
                      java.toString(),
                      "-Xmx64m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      EndlessHeaderChild.class.getName(),
                      server.baseUrl()))
              .redirectErrorStream(true)
              .start();
      boolean ended = child.waitFor(120, TimeUnit.SECONDS);
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!ended) {
        child.destroyForcibly();
      }

      assertThat(ended).as("child ended; output:%n%s", output).isTrue();
      assertThat(child.exitValue()).as(output).isZero();
      assertThat(output)
          .doesNotContain("OutOfMemoryError")
          .contains("reason=malformed_response: answer head over the limits")
          .contains("alive");
      assertThat(server.requests()).isEqualTo(2);
    }
  }
}
