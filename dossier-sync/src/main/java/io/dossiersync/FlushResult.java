package io.dossiersync;

/**
 * What {@link DossierSync#flush(java.time.Duration)} left behind: the queue's counts once the flush
 * returned.
 *
 * @param eventsLeft events still queued (every project in the store)
 * @param bodiesLeft bodies still queued (every project in the store)
 * @param failures failure records in the store; delivery never retries them (see {@code dossier
 *     requeue})
 * @param tokenRejected true when the flush stopped early because the receiver rejected the token
 *     and the token provider had no fresh one
 * @param timedOut true when the flush returned at its timeout with tasks still queued
 * @since 0.1.0
 */
public record FlushResult(
    long eventsLeft, long bodiesLeft, long failures, boolean tokenRejected, boolean timedOut) {

  /**
   * Tells whether everything queued was delivered.
   *
   * @return true when no event and no body is left in the queue
   */
  public boolean delivered() {
    return eventsLeft == 0 && bodiesLeft == 0;
  }

  /**
   * A one-line summary for logs, e.g. {@code delivered} or {@code left: 3 events, 12 bodies (timed
   * out)}.
   *
   * @return the summary
   */
  public String summary() {
    if (delivered()) {
      return "delivered";
    }
    String why = tokenRejected ? " (token rejected)" : timedOut ? " (timed out)" : "";
    return "left: " + eventsLeft + " events, " + bodiesLeft + " bodies" + why;
  }
}
