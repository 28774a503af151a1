package io.dossiersync.core.drain;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The summary of one drain round, or of several added up ({@link DrainEngine#drainUntilEmpty}).
 * Counts are of task results: a task retried in two rounds counts twice in a sum. The pending
 * counts and the failure count are those of the drain's projects after the (last) round.
 *
 * @param projects the projects drained: those with queued tasks that consent and the configured
 *     scope allow
 * @param eventsSent events the receiver accepted (success or duplicate), deleted
 * @param eventsFailed events moved to the failure records
 * @param eventsRetry events kept with backoff
 * @param bodiesUploaded bodies stored by the receiver, deleted
 * @param bodiesAlreadyExists bodies the receiver already had, deleted
 * @param bodiesRetry bodies kept with backoff
 * @param bodiesFailed bodies moved to the failure records
 * @param released tasks given back untouched (token rejected, or the drain stopped)
 * @param authPaused true when the receiver rejected the token and no fresh one was accepted:
 *     sending stopped for this round
 * @param timedOut true when {@code drainUntilEmpty} returned because its time was up while tasks
 *     were still pending
 * @param pendingEvents events of the drain's projects still queued
 * @param pendingBodies bodies of the drain's projects still queued
 * @param failureCount failure records in the store (every project)
 * @since 0.1.0
 */
public record DrainReport(
    SortedSet<String> projects,
    long eventsSent,
    long eventsFailed,
    long eventsRetry,
    long bodiesUploaded,
    long bodiesAlreadyExists,
    long bodiesRetry,
    long bodiesFailed,
    long released,
    boolean authPaused,
    boolean timedOut,
    long pendingEvents,
    long pendingBodies,
    long failureCount) {

  /** Copies the project set. */
  public DrainReport {
    projects = Collections.unmodifiableSortedSet(new TreeSet<>(projects));
  }

  /**
   * How many task results the report counts.
   *
   * @return the sum of every event and body count and {@code released}
   */
  public long attempted() {
    return eventsSent
        + eventsFailed
        + eventsRetry
        + bodiesUploaded
        + bodiesAlreadyExists
        + bodiesRetry
        + bodiesFailed
        + released;
  }

  /**
   * Tells whether the drain's projects have nothing queued any more.
   *
   * @return true when no event and no body is pending
   */
  public boolean queuesEmpty() {
    return pendingEvents == 0 && pendingBodies == 0;
  }

  /**
   * Adds a later round to this one: counts are summed, flags or-ed, project sets joined, and the
   * pending and failure counts are the later round's.
   *
   * @param later the round that followed
   * @return the sum
   */
  public DrainReport plus(DrainReport later) {
    TreeSet<String> all = new TreeSet<>(projects);
    all.addAll(later.projects);
    return new DrainReport(
        all,
        eventsSent + later.eventsSent,
        eventsFailed + later.eventsFailed,
        eventsRetry + later.eventsRetry,
        bodiesUploaded + later.bodiesUploaded,
        bodiesAlreadyExists + later.bodiesAlreadyExists,
        bodiesRetry + later.bodiesRetry,
        bodiesFailed + later.bodiesFailed,
        released + later.released,
        authPaused || later.authPaused,
        timedOut || later.timedOut,
        later.pendingEvents,
        later.pendingBodies,
        later.failureCount);
  }

  /**
   * This report with the time-out flag set.
   *
   * @param value the flag
   * @return a copy with {@code timedOut = value}
   */
  public DrainReport withTimedOut(boolean value) {
    return new DrainReport(
        projects,
        eventsSent,
        eventsFailed,
        eventsRetry,
        bodiesUploaded,
        bodiesAlreadyExists,
        bodiesRetry,
        bodiesFailed,
        released,
        authPaused,
        value,
        pendingEvents,
        pendingBodies,
        failureCount);
  }

  /**
   * The one-line summary the drain logs at INFO: counts per status, never a body or a token.
   *
   * @return e.g. {@code events sent=3 failed=0 retry=0, bodies uploaded=5 ...}
   */
  public String summary() {
    return "events sent="
        + eventsSent
        + " failed="
        + eventsFailed
        + " retry="
        + eventsRetry
        + ", bodies uploaded="
        + bodiesUploaded
        + " already_exists="
        + bodiesAlreadyExists
        + " retry="
        + bodiesRetry
        + " failed="
        + bodiesFailed
        + ", released="
        + released
        + ", pending events="
        + pendingEvents
        + " bodies="
        + pendingBodies
        + ", failure records="
        + failureCount
        + (authPaused ? ", auth paused" : "")
        + (timedOut ? ", timed out" : "")
        + ", projects="
        + projects.size();
  }
}
