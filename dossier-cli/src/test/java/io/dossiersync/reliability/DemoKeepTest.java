package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code dossier demo --keep} in a child JVM: it syncs the sample, keeps the receiver running,
 * prints the page's URL and a ready {@code watch} command, serves the page with what arrived, and
 * ends with exit 0 on SIGTERM.
 */
class DemoKeepTest {

  @Test
  void theKeptDemoServesItsPageUntilStopped() throws Exception {
    try (ChildDossier demo = ChildDossier.start(Map.of(), "demo", "--keep")) {
      assertThat(demo.awaitStderr(l -> l.startsWith("demo: the receiver runs until"), 1, 90_000))
          .as("demo --keep running: %s", demo.stderr())
          .isTrue();
      String url =
          demo.stderr().stream()
              .filter(l -> l.startsWith("demo: see what arrived: "))
              .findFirst()
              .orElseThrow()
              .substring("demo: see what arrived: ".length());
      assertThat(demo.stderr())
          .anyMatch(l -> l.contains("./dossier watch ") && l.contains(url.replaceAll("/$", "")));
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("spec.md", "latest");
      demo.terminate();
      CliRun stopped = demo.await(30);
      assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
    }
  }
}
