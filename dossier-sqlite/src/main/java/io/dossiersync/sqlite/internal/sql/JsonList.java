package io.dossiersync.sqlite.internal.sql;

import java.util.Collection;

/**
 * A list of values as the JSON array text that a statement binds as one value and reads back with
 * {@code json_each}: strings quoted and escaped, numbers as they are. Stateless.
 */
final class JsonList {

  private JsonList() {}

  /**
   * Writes a list as a JSON array.
   *
   * @param values strings or numbers
   * @return the array text, e.g. {@code ["a","b"]} or {@code [1,2]}
   * @throws IllegalArgumentException for a value that is neither (a caller's bug)
   */
  static String of(Collection<?> values) {
    StringBuilder json = new StringBuilder(2 + values.size() * 40).append('[');
    for (Object value : values) {
      if (json.length() > 1) {
        json.append(',');
      }
      if (value instanceof Number number) {
        json.append(number);
      } else if (value instanceof String text) {
        quote(json, text);
      } else {
        throw new IllegalArgumentException("a SQL list holds strings or numbers, got " + value);
      }
    }
    return json.append(']').toString();
  }

  private static void quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
