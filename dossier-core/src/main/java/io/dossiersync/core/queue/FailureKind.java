package io.dossiersync.core.queue;

/**
 * Which queue a failure record came from.
 *
 * @since 0.1.0
 */
public enum FailureKind {
  /** A dossier event that was rejected or ran out of retries. */
  EVENT,
  /** A body upload task that failed or ran out of retries. */
  BODY;

  /**
   * The lower-case wire name, as in {@code dossier failures --json}.
   *
   * @return {@code event} or {@code body}
   */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
