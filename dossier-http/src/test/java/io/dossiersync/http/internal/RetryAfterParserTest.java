package io.dossiersync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryAfterParserTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  /**
   * Values the header and the body field read alike: plain non-negative integers, and everything
   * that neither accepts.
   */
  static Stream<Arguments> headersAndBodyValues() {
    return Stream.of(
        Arguments.of("delta seconds", "120", Optional.of(Duration.ofSeconds(120))),
        Arguments.of("integer", "30", Optional.of(Duration.ofSeconds(30))),
        Arguments.of("zero", "0", Optional.of(Duration.ZERO)),
        Arguments.of("surrounding whitespace", "  15 ", Optional.of(Duration.ofSeconds(15))),
        Arguments.of(
            "twenty digits are capped",
            "99999999999999999999",
            Optional.of(RetryAfterParser.MAX_DELAY)),
        Arguments.of("more than 20 digits is ignored", "999999999999999999999", Optional.empty()),
        Arguments.of("10,000 digits", "9".repeat(10_000), Optional.empty()),
        Arguments.of("endless whitespace", " ".repeat(100_000) + "5", Optional.empty()),
        Arguments.of("empty", "", Optional.empty()),
        Arguments.of("blank", "   ", Optional.empty()),
        Arguments.of("negative", "-5", Optional.empty()),
        Arguments.of("minus one", "-1", Optional.empty()),
        Arguments.of("words", "soon", Optional.empty()),
        Arguments.of("text", "later", Optional.empty()),
        Arguments.of("unit suffix", "30s", Optional.empty()),
        Arguments.of("an exponent is ignored", "1e2", Optional.empty()),
        Arguments.of("upper-case exponent", "1E+3", Optional.empty()),
        Arguments.of("huge exponent", "1e999999999", Optional.empty()),
        Arguments.of("huge negative exponent", "1e-999999999", Optional.empty()),
        Arguments.of("NaN", "NaN", Optional.empty()),
        Arguments.of("Infinity", "Infinity", Optional.empty()),
        Arguments.of("minus Infinity", "-Infinity", Optional.empty()),
        Arguments.of("two dots", "1.2.3", Optional.empty()),
        Arguments.of("a lone dot", ".", Optional.empty()),
        Arguments.of("date with a bad weekday", "Mon, 25 Nov 2026 12:01:30 GMT", Optional.empty()),
        Arguments.of("ISO instant is not an HTTP-date", "2026-11-25T12:01:30Z", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headersAndBodyValues")
  void parsesTheHeaderAndTheBodySecondsAlike(
      String name, String value, Optional<Duration> expected) {
    assertThat(RetryAfterParser.header(value, NOW)).isEqualTo(expected);
    assertThat(RetryAfterParser.bodySeconds(value)).isEqualTo(expected);
  }

  /** HTTP-dates, which only the header accepts, and a decimal, which it refuses. */
  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of(
            "IMF-fixdate in 90 s",
            "Wed, 25 Nov 2026 12:01:30 GMT",
            Optional.of(Duration.ofSeconds(90))),
        Arguments.of(
            "RFC 850 date",
            "Wednesday, 25-Nov-26 12:00:10 GMT",
            Optional.of(Duration.ofSeconds(10))),
        Arguments.of(
            "asctime date", "Wed Nov 25 12:00:05 2026", Optional.of(Duration.ofSeconds(5))),
        Arguments.of(
            "date in the past is zero",
            "Tue, 24 Nov 2026 12:00:00 GMT",
            Optional.of(Duration.ZERO)),
        Arguments.of(
            "date years ahead is capped",
            "Fri, 25 Nov 2050 12:00:00 GMT",
            Optional.of(RetryAfterParser.MAX_DELAY)),
        Arguments.of("decimal is not delta-seconds", "1.5", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void parsesTheHeader(String name, String value, Optional<Duration> expected) {
    assertThat(RetryAfterParser.header(value, NOW)).isEqualTo(expected);
  }

  /** Decimals, which only the body field accepts, and an HTTP-date, which it refuses. */
  static Stream<Arguments> bodyValues() {
    return Stream.of(
        Arguments.of(
            "decimal rounds up to the millisecond", "1.2345", Optional.of(Duration.ofMillis(1235))),
        Arguments.of(
            "HTTP-date is not seconds", "Wed, 25 Nov 2026 12:01:30 GMT", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodyValues")
  void parsesTheBodySeconds(String name, String value, Optional<Duration> expected) {
    assertThat(RetryAfterParser.bodySeconds(value)).isEqualTo(expected);
  }

  @Test
  void longestPrefersTheLongerPresentDelay() {
    Optional<Duration> five = Optional.of(Duration.ofSeconds(5));
    Optional<Duration> nine = Optional.of(Duration.ofSeconds(9));
    assertThat(RetryAfterParser.longest(five, nine)).isEqualTo(nine);
    assertThat(RetryAfterParser.longest(nine, five)).isEqualTo(nine);
    assertThat(RetryAfterParser.longest(Optional.empty(), five)).isEqualTo(five);
    assertThat(RetryAfterParser.longest(five, Optional.empty())).isEqualTo(five);
    assertThat(RetryAfterParser.longest(Optional.empty(), Optional.empty())).isEmpty();
  }
}
