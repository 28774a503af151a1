package io.dossiersync.core.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;

/**
 * One-line descriptions of JSON and YAML parse errors: the parser's first line plus where it
 * stopped, instead of the multi-line excerpt some parsers (SnakeYAML) produce. Stateless.
 */
public final class ParseMessages {

  private ParseMessages() {}

  /**
   * Describes a parse error in one line.
   *
   * @param e the parser's exception
   * @return e.g. {@code mapping values are not allowed here (line 3, column 9)}
   */
  public static String oneLine(JacksonException e) {
    String original = e.getOriginalMessage();
    String first =
        original == null || original.isBlank()
            ? e.getClass().getSimpleName()
            : original.strip().lines().findFirst().orElse("").strip();
    JsonLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 1) {
      return first;
    }
    return first + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }
}
