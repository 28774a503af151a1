package io.dossiersync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBodyParserTest {

  private static Optional<ErrorBody> parse(String body) {
    return ErrorBodyParser.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> notAnObject() {
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("whitespace", "  \n"),
        Arguments.of("HTML page", "<html><body>502 Bad Gateway</body></html>"),
        Arguments.of("JSON list", "[{\"error\":\"namespace_not_found\"}]"),
        Arguments.of("JSON string", "\"namespace_not_found\""),
        Arguments.of("JSON number", "404"),
        Arguments.of("JSON null", "null"),
        Arguments.of("truncated object", "{\"error\":\"index_entry_not_fo"),
        Arguments.of("two objects", "{\"error\":\"a\"}{\"error\":\"b\"}"),
        Arguments.of("object then garbage", "{\"error\":\"a\"} trailing"),
        Arguments.of("plain text", "Not Found"),
        Arguments.of("a lone non-ASCII letter", "\u00ff"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAnObject")
  void givesEmptyForAnythingButOneJsonObject(String name, String body) {
    assertThat(parse(body)).isEmpty();
  }

  @Test
  void givesEmptyForBytesThatAreNotUtf8() {
    assertThat(ErrorBodyParser.parse(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"'}))
        .isEmpty();
  }

  @Test
  void givesEmptyForAbsurdlyDeepNesting() {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    assertThat(parse(deep)).isEmpty();
  }

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of(
            "status only",
            "{\"status\":\"stored\"}",
            new ErrorBody(
                Optional.of("stored"),
                Optional.empty(),
                Optional.of("{\"status\":\"stored\"}"),
                Optional.empty())),
        Arguments.of(
            "error is also the detail",
            "{\"error\":\"namespace_not_found\"}",
            new ErrorBody(
                Optional.empty(),
                Optional.of("namespace_not_found"),
                Optional.of("namespace_not_found"),
                Optional.empty())),
        Arguments.of(
            "detail wins over error",
            "{\"error\":\"validation_error\",\"detail\":\"bad hash\"}",
            new ErrorBody(
                Optional.empty(),
                Optional.of("validation_error"),
                Optional.of("bad hash"),
                Optional.empty())),
        Arguments.of(
            "message when no detail",
            "{\"message\":\"too big\"}",
            new ErrorBody(
                Optional.empty(), Optional.empty(), Optional.of("too big"), Optional.empty())),
        Arguments.of(
            "structured detail becomes compact JSON",
            "{\"detail\":{\"artifact_path\":[\"required\"]}}",
            new ErrorBody(
                Optional.empty(),
                Optional.empty(),
                Optional.of("{\"artifact_path\":[\"required\"]}"),
                Optional.empty())),
        Arguments.of(
            "field errors become compact JSON",
            "{\"content_hash\": [\"mismatch\"]}",
            new ErrorBody(
                Optional.empty(),
                Optional.empty(),
                Optional.of("{\"content_hash\":[\"mismatch\"]}"),
                Optional.empty())),
        Arguments.of(
            "non-text error is ignored",
            "{\"error\":404}",
            new ErrorBody(
                Optional.empty(),
                Optional.empty(),
                Optional.of("{\"error\":404}"),
                Optional.empty())),
        Arguments.of(
            "retry_after number",
            "{\"retry_after\":12}",
            new ErrorBody(
                Optional.empty(),
                Optional.empty(),
                Optional.of("{\"retry_after\":12}"),
                Optional.of(Duration.ofSeconds(12)))),
        Arguments.of(
            "retry_after decimal",
            "{\"error\":\"rate_limited\",\"retry_after\":0.5}",
            new ErrorBody(
                Optional.empty(),
                Optional.of("rate_limited"),
                Optional.of("rate_limited"),
                Optional.of(Duration.ofMillis(500)))),
        Arguments.of(
            "retry_after text",
            "{\"detail\":\"slow\",\"retry_after\":\"3\"}",
            new ErrorBody(
                Optional.empty(),
                Optional.empty(),
                Optional.of("slow"),
                Optional.of(Duration.ofSeconds(3)))),
        Arguments.of(
            "newlines in detail become spaces",
            "{\"detail\":\"line one\\nline two\"}",
            new ErrorBody(
                Optional.empty(),
                Optional.empty(),
                Optional.of("line one line two"),
                Optional.empty())),
        Arguments.of(
            "empty object",
            "{}",
            new ErrorBody(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void readsTheFieldsOfAnObject(String name, String body, ErrorBody expected) {
    assertThat(parse(body)).contains(expected);
  }

  @ParameterizedTest(name = "retry_after {0} is ignored")
  @ValueSource(strings = {"-3", "1e-999999999", "1e999999999", "3e1", "{}"})
  void ignoresARetryAfterThatIsNotPlainNonNegativeSeconds(String retryAfter) {
    assertThat(parse("{\"detail\":\"x\",\"retry_after\":" + retryAfter + "}"))
        .contains(
            new ErrorBody(Optional.empty(), Optional.empty(), Optional.of("x"), Optional.empty()));
  }

  @Test
  void cutsALongDetail() {
    String detail = "x".repeat(1000);
    ErrorBody body = parse("{\"detail\":\"" + detail + "\"}").orElseThrow();
    assertThat(body.detail()).contains("x".repeat(ErrorBodyParser.MAX_DETAIL) + "...");
  }
}
