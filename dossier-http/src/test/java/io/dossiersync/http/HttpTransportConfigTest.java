package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.http.internal.UserAgent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HttpTransportConfigTest {

  @Test
  void hasTheDocumentedDefaults() {
    HttpTransportConfig config =
        HttpTransportConfig.builder("https://receiver.example.org").build();

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxConnections()).isEqualTo(16);
    assertThat(config.maxConnectionsPerRoute()).isEqualTo(8);
    assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    assertThat(config.userAgent()).isEqualTo("dossier-sync/" + UserAgent.version());
    assertThat(config.requestDeadline()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.proxy()).isEmpty();
    assertThat(config.useSystemProperties()).isFalse();
    assertThat(config.sslContext()).isEmpty();
    assertThat(config.headers()).isEmpty();
    assertThat(config.httpClient()).isEmpty();
  }

  @Test
  void theVersionComesFromTheBuildNotTheFallback() {
    assertThat(UserAgent.version()).isNotEqualTo("dev").matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://receiver.example.org, https://receiver.example.org/api/dossier/push-content/",
    "https://receiver.example.org/, https://receiver.example.org/api/dossier/push-content/",
    "HTTP://127.0.0.1:8000//, http://127.0.0.1:8000/api/dossier/push-content/",
    "https://example.org/sync/v2/, https://example.org/sync/v2/api/dossier/push-content/",
  })
  void buildsTheEndpointsUnderTheBaseUrl(String base, String pushContent) {
    HttpTransportConfig config = HttpTransportConfig.builder(base).build();

    assertThat(config.pushContentUri()).isEqualTo(URI.create(pushContent));
    assertThat(config.eventBatchUri().toString())
        .isEqualTo(pushContent.replace("/api/dossier/push-content/", "/api/v1/events/batch/"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        badBaseUrl("ftp://example.org", "baseUrl must use http or https"),
        badBaseUrl("example.org", "baseUrl must use http or https"),
        badBaseUrl("http:///path", "baseUrl must name a host"),
        badBaseUrl("https://example.org/?token=x", "must not carry a query"),
        badBaseUrl("https://user:pw@example.org", "must not carry a query, fragment or user info"),
        badBaseUrl("https://exa mple.org", "baseUrl is not a valid URL"),
        badSetting(b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be in (0, PT1H]"),
        badSetting(
            b -> b.responseTimeout(Duration.ofHours(2)), "responseTimeout must be in (0, PT1H]"),
        badSetting(b -> b.maxConnections(0), "maxConnections must be in [1, 1024], got 0"),
        badSetting(
            b -> b.maxConnections(4).maxConnectionsPerRoute(5),
            "maxConnectionsPerRoute must be in [1, maxConnections=4], got 5"),
        badSetting(b -> b.userAgent(" "), "userAgent must be non-blank printable ASCII"),
        badSetting(
            b -> b.userAgent("agent\r\nX-Evil: 1"), "userAgent must be non-blank printable ASCII"),
        badSetting(b -> b.requestDeadline(Duration.ZERO), "requestDeadline must be in (0, PT1H]"),
        badSetting(
            b -> b.header("Authorization", "Basic x"),
            "header Authorization is set by the transports"),
        badSetting(
            b -> b.header("content-type", "text/plain"),
            "header content-type is set by the transports"),
        badSetting(b -> b.header("X Bad", "v"), "header name must be an HTTP token"),
        badSetting(
            b -> b.header("X-Key", "a\r\nX-Evil: 1"),
            "header X-Key must have a printable ASCII value"));
  }

  /** A base URL the builder refuses, with every other setting left at its default. */
  private static Arguments badBaseUrl(String base, String message) {
    return Arguments.of(base, UnaryOperator.<HttpTransportConfigBuilder>identity(), message);
  }

  /** A setting the builder refuses, on a valid base URL. */
  private static Arguments badSetting(
      UnaryOperator<HttpTransportConfigBuilder> change, String message) {
    return Arguments.of("https://example.org", change, message);
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("invalid")
  void rejectsInvalidSettingsNamingTheField(
      String base, UnaryOperator<HttpTransportConfigBuilder> change, String message) {
    assertThatThrownBy(() -> change.apply(HttpTransportConfig.builder(base)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aSmallPoolCapsThePerRouteDefault() {
    HttpTransportConfig config =
        HttpTransportConfig.builder("http://127.0.0.1:1").maxConnections(4).build();

    assertThat(config.maxConnectionsPerRoute()).isEqualTo(4);
  }

  @Test
  void equalConfigsAreEqualAndShowNoSecrets() {
    HttpTransportConfig a = HttpTransportConfig.builder("https://example.org/").build();
    HttpTransportConfig b = HttpTransportConfig.builder("https://example.org").build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(HttpTransportConfig.builder("https://example.com").build());
    assertThat(a.toString()).contains("https://example.org", "PT10S", "PT30S", "16/8", "PT1M");
  }

  @Test
  void hooksAreKeptAndHeaderValuesNeverShown() {
    HttpTransportConfig config =
        HttpTransportConfig.builder("https://example.org")
            .proxy(new HttpProxy("proxy.corp", 3128))
            .useSystemProperties()
            .header("X-Api-Key", "secret-key")
            .requestDeadline(Duration.ofSeconds(5))
            .build();

    assertThat(config.proxy()).contains(new HttpProxy("proxy.corp", 3128));
    assertThat(config.useSystemProperties()).isTrue();
    assertThat(config.headers()).containsEntry("X-Api-Key", "secret-key");
    assertThat(config.toString())
        .contains("proxy proxy.corp:3128", "system properties", "headers [X-Api-Key]", "PT5S")
        .doesNotContain("secret-key");
    assertThat(config).isNotEqualTo(HttpTransportConfig.builder("https://example.org").build());
  }

  @ParameterizedTest(name = "{0}:{1}")
  @CsvSource({
    "'', 80, proxy host",
    "'a b', 80, proxy host",
    "proxy, 0, proxy port",
    "proxy, 65536, proxy port"
  })
  void aProxyIsChecked(String host, int port, String message) {
    assertThatThrownBy(() -> new HttpProxy(host, port))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
