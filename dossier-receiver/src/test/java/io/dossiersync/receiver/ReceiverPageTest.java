package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.NAMESPACE;
import static io.dossiersync.receiver.WireSamples.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver's read-only page over real HTTP: what was stored, grouped by project and feature,
 * Markdown rendered with raw HTML escaped, other formats preformatted and escaped, the latest body
 * marked, a version that moves with each request, and headers that allow no foreign script.
 */
class ReceiverPageTest {

  private static final String TOKEN = "page-token";
  private static final NamespaceRef BETA =
      new NamespaceRef(WireSamples.PROJECT, "048-beta", "main", "software-dev", "1");
  private final HttpClient http = HttpClient.newHttpClient();
  private ReferenceReceiver receiver;
  private ReceiverClient client;

  @BeforeEach
  void start() {
    receiver = ReferenceReceiver.builder().token(TOKEN).requireIndexEntry(false).start();
    client = new ReceiverClient(receiver.baseUri(), TOKEN);
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(receiver.baseUri() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEmptyReceiverSaysNothingIsStoredYet() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.body()).contains("Nothing stored yet");
  }

  @Test
  void storedBodiesAreRenderedEscapedAndGroupedWithTheLatestMarked() throws Exception {
    client.push(push("spec.md", "# Old spec\n"));
    client.push(
        push(
            "spec.md",
            "# The spec\n\n<script>alert(1)</script>\n\n"
                + "[x](javascript:alert(2)) <b onclick=\"alert(3)\">bold?</b>\n"));
    client.push(push("research/evidence.csv", "a,b\n<img src=x onerror=alert(4)>,2\n"));
    client.push(push(BETA, "plan.md", "## Beta plan\n"));

    String html = get("/").body();

    assertThat(html)
        .contains(
            "<h1>The spec</h1>",
            "<h2>Beta plan</h2>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(4)&gt;",
            "&lt;b onclick=&quot;alert(3)&quot;&gt;")
        .doesNotContain("<script>alert", "javascript:alert", "<img src=x", "<b onclick");
    assertThat(html).containsSubsequence("047-some-name", "048-beta");
    assertThat(html).containsSubsequence("latest", "The spec", "superseded", "Old spec");
    assertThat(html).contains("superseded", WireSamples.hash("# Old spec\n"));
    assertThat(html).contains("<pre class=\"text\">a,b");
    assertThat(NAMESPACE.featureSlug()).isEqualTo("047-some-name");
  }

  @Test
  void theVersionMovesWithEachRequestAndPageViewsAreNotRecorded() throws Exception {
    String before = get("/page/version").body();
    get("/");
    assertThat(get("/page/version").body()).isEqualTo(before);
    client.push(push("spec.md", "# Spec\n"));
    assertThat(Long.parseLong(get("/page/version").body())).isEqualTo(Long.parseLong(before) + 1);
    assertThat(receiver.ledger().requests()).hasSize(1);
  }

  @Test
  void thePageAllowsOnlyItsOwnScriptAndIsNeverCached() throws Exception {
    HttpResponse<String> page = get("/");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "script-src 'nonce-", "frame-ancestors 'none'");
    String nonce = csp.replaceAll(".*'nonce-([0-9a-f]+)'.*", "$1");
    assertThat(page.body()).contains("<script nonce=\"" + nonce + "\">");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(get("/").headers().firstValue("Content-Security-Policy"))
        .isNotEqualTo(page.headers().firstValue("Content-Security-Policy"));
  }

  @Test
  void otherMethodsAndPathsKeepTheProtocolAnswers() throws Exception {
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(receiver.baseUri() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(404);
  }
}
