package io.dossiersync.core.drain;

import java.util.Locale;

/**
 * Which queue a drained task came from.
 *
 * @since 0.1.0
 */
public enum TaskKind {
  /** A dossier event, sent in a batch. */
  EVENT,
  /** A body upload task. */
  BODY;

  /**
   * The lower-case name used in logs and JSON.
   *
   * @return {@code event} or {@code body}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
