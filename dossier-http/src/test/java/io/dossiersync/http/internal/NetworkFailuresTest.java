package io.dossiersync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkFailuresTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "connect timeout",
            new ConnectTimeoutException("Connect to host:443 timed out"),
            "timeout: connect timed out: Connect to host:443 timed out"),
        Arguments.of(
            "read timeout",
            new SocketTimeoutException("Read timed out"),
            "timeout: no answer within the response timeout"),
        Arguments.of(
            "pool wait timeout",
            new InterruptedIOException("lease deadline"),
            "timeout: InterruptedIOException: lease deadline"),
        Arguments.of(
            "DNS",
            new UnknownHostException("nowhere.invalid"),
            "connection_error: unknown host: nowhere.invalid"),
        Arguments.of(
            "refused",
            new ConnectException("Connection refused"),
            "connection_error: connection refused: Connection refused"),
        Arguments.of(
            "closed without answer",
            new NoHttpResponseException("127.0.0.1:1 failed"),
            "connection_error: connection closed without an answer"),
        Arguments.of(
            "reset",
            new SocketException("Connection reset"),
            "connection_error: SocketException: Connection reset"),
        Arguments.of(
            "TLS",
            new SSLHandshakeException("PKIX path building failed"),
            "connection_error: TLS: PKIX path building failed"),
        Arguments.of(
            "closed pool",
            new IllegalStateException("Connection pool shut down"),
            "connection_error: IllegalStateException: Connection pool shut down"),
        Arguments.of("no message", new IOException(), "connection_error: IOException"),
        Arguments.of(
            "multi-line message",
            new IOException("one\ntwo"),
            "connection_error: IOException: one two"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void namesTheFailure(String name, Throwable failure, String reason) {
    assertThat(NetworkFailures.reason(failure)).isEqualTo(reason);
  }
}
