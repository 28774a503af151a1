package io.dossiersync.cli;

import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import java.util.Map;

/**
 * What is left after a command (PRODUCT.md §6): the events and bodies of its projects still queued,
 * and the failure records of every project; the tail of the {@code sync} and {@code drain} outputs.
 *
 * @param pendingEvents events of the command's projects still queued
 * @param pendingBodies bodies of the command's projects still queued
 * @param failures failure records in the store
 */
record QueueLeft(long pendingEvents, long pendingBodies, long failures) {

  /** Counts what is left in {@code store} for {@code scope}. */
  static QueueLeft read(QueueStore store, ProjectScope scope) {
    return new QueueLeft(
        store.events().pending(scope), store.bodies().pending(scope), store.failures().count());
  }

  /** What a drain report says is left. */
  static QueueLeft of(DrainReport report) {
    return new QueueLeft(report.pendingEvents(), report.pendingBodies(), report.failureCount());
  }

  /** Whether any task of the command's projects is still queued. */
  boolean anyPending() {
    return pendingEvents + pendingBodies > 0;
  }

  /** Adds the {@code pending} and {@code failures} fields to a JSON output. */
  Map<String, Object> addTo(Map<String, Object> json) {
    json.put("pending", Json.object("events", pendingEvents, "bodies", pendingBodies));
    json.put("failures", failures);
    return json;
  }

  /**
   * The end of a one-line summary: {@code " | pending: 2 events, 0 bodies | failure records: 1"}.
   */
  String summary() {
    return " | pending: "
        + pendingEvents
        + " events, "
        + pendingBodies
        + " bodies | failure records: "
        + failures;
  }
}
