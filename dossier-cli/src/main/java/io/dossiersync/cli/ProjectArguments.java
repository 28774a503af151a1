package io.dossiersync.cli;

import java.util.Locale;
import java.util.UUID;

/** Checks project UUIDs given on the command line. */
final class ProjectArguments {

  private ProjectArguments() {}

  /** The canonical lower-case form, or a usage error naming the option. */
  static String canonicalUuid(String value, String option) {
    try {
      String trimmed = value.strip();
      UUID uuid = UUID.fromString(trimmed);
      String canonical = uuid.toString();
      if (!canonical.equalsIgnoreCase(trimmed)) {
        throw new IllegalArgumentException("not canonical");
      }
      return canonical.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          option
              + " must be a UUID such as"
              + " 8a4a7da6-a97c-4bb4-893a-b31664abfee4, got '"
              + value
              + "'");
    }
  }
}
