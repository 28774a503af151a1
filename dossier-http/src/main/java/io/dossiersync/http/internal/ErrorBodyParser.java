package io.dossiersync.http.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Parses a receiver's answer body into an {@link ErrorBody}. Pure and total: a body that is not one
 * JSON object (HTML, a list, text, truncated JSON, trailing garbage, nothing) gives empty, never an
 * exception. Thread-safe.
 */
final class ErrorBodyParser {

  /** The longest detail kept, in characters. */
  public static final int MAX_DETAIL = 200;

  private static final ObjectReader READER =
      new ObjectMapper()
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ErrorBodyParser() {}

  /**
   * Parses an answer body.
   *
   * @param body the raw bytes, UTF-8 JSON expected
   * @return the fields found, or empty when the body is not a JSON object
   */
  public static Optional<ErrorBody> parse(byte[] body) {
    return readObject(body).map(ErrorBodyParser::fields);
  }

  /**
   * Reads a body as one JSON object.
   *
   * @param body the raw bytes
   * @return the object, or empty when the body is not exactly one JSON object
   */
  public static Optional<JsonNode> readObject(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = READER.readTree(body);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static ErrorBody fields(JsonNode object) {
    Optional<String> status = text(object.get("status"));
    Optional<String> error = text(object.get("error"));
    return new ErrorBody(
        status, error, detail(object, error), retryAfter(object.get("retry_after")));
  }

  private static Optional<String> detail(JsonNode object, Optional<String> error) {
    for (String field : new String[] {"detail", "message"}) {
      JsonNode node = object.get(field);
      if (node != null && !node.isNull()) {
        return Optional.of(oneLine(node.isTextual() ? node.asText() : node.toString()));
      }
    }
    if (error.isPresent()) {
      return error.map(ErrorBodyParser::oneLine);
    }
    return object.isEmpty() ? Optional.empty() : Optional.of(oneLine(object.toString()));
  }

  private static Optional<Duration> retryAfter(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      // Floats are read as BigDecimal, whose toString keeps an exponent visible (the parser then
      // ignores the value); toPlainString of 1e-999999999 would expand to a billion digits.
      return RetryAfterParser.bodySeconds(node.decimalValue().toString());
    }
    return node.isTextual() ? RetryAfterParser.bodySeconds(node.asText()) : Optional.empty();
  }

  private static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  /**
   * Makes a text safe for a one-line reason: control characters become spaces, and it is cut to
   * {@link #MAX_DETAIL} characters.
   *
   * @param text any text
   * @return the cleaned text
   */
  public static String oneLine(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_DETAIL + 3));
    for (int i = 0; i < text.length() && out.length() < MAX_DETAIL; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (text.length() > MAX_DETAIL) {
      out.append("...");
    }
    return out.toString().strip();
  }
}
