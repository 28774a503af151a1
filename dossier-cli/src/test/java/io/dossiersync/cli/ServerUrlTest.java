package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loopback detection without DNS, the --insecure-http rule and user-info redaction. */
class ServerUrlTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "localhost, true",
    "LOCALHOST, true",
    "app.localhost, true",
    "127.0.0.1, true",
    "127.8.9.10, true",
    "[::1], true",
    "::1, true",
    "10.0.0.1, false",
    "0.0.0.0, false",
    "receiver.example.org, false",
    "127.0.0.1.nip.io, false",
    "127.1, false",
    "'', false"
  })
  void knowsLoopbackHostsWithoutResolvingNames(String host, boolean loopback) {
    assertThat(ServerUrl.isLoopback(host)).isEqualTo(loopback);
  }

  @Test
  void refusesPlainHttpToARemoteHostUnlessAllowed() {
    assertThatThrownBy(() -> ServerUrl.requireSafe("http://10.1.2.3:8000", false))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("10.1.2.3")
        .hasMessageContaining("--insecure-http");
    assertThatCode(() -> ServerUrl.requireSafe("http://10.1.2.3:8000", true))
        .doesNotThrowAnyException();
    assertThatCode(() -> ServerUrl.requireSafe("https://10.1.2.3", false))
        .doesNotThrowAnyException();
    assertThatCode(() -> ServerUrl.requireSafe("http://[::1]:8000", false))
        .doesNotThrowAnyException();
  }

  @Test
  void redactsUserInfo() {
    assertThat(ServerUrl.redact("https://alice:s3cret@host/x@y")).isEqualTo("https://***@host/x@y");
    assertThat(ServerUrl.redact("https://host/path")).isEqualTo("https://host/path");
  }
}
