package io.dossiersync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the one JSON document of {@code --json}: ordered keys, nulls kept, pretty-printed. */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private Json() {}

  /** An insertion-ordered object to fill. */
  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /** An ordered object of alternating keys and values. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = object();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Writes one document on one line (the JSON lines of {@code watch --json}). */
  static void line(PrintStream out, Object document) {
    try {
      out.println(COMPACT.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON output: " + e.getMessage(), e);
    }
  }

  static void print(PrintStream out, Object document) {
    try {
      out.println(MAPPER.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON output: " + e.getMessage(), e);
    }
  }
}
