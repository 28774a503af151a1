package io.dossiersync.sqlite.internal.sql;

import java.util.List;

/**
 * The name of every statement the queue store runs, with the names of its values in the order a
 * caller passes them. The text of each is authored once with jOOQ ({@link AuthoredStatements}),
 * rendered per dialect at build time ({@link StatementRenderer}) and read here without jOOQ ({@link
 * RenderedSql}); {@link SqlSession} prepares and runs it. A value that is a list is bound as one
 * JSON array ({@code IN (SELECT value FROM json_each(?))}), so every statement is one constant.
 */
public enum Sql {
  /** Leases the oldest ready events of every project and returns them. */
  EVENT_CLAIM("owner", "until", "now", "limit"),
  /** Leases the oldest ready events of some projects and returns them. */
  EVENT_CLAIM_IN("owner", "until", "now", "projects", "limit"),
  /** Leases the oldest ready bodies of every project and returns them. */
  BODY_CLAIM("owner", "until", "now", "limit"),
  /** Leases the oldest ready bodies of some projects and returns them. */
  BODY_CLAIM_IN("owner", "until", "now", "projects", "limit"),
  /** As {@link #BODY_CLAIM}, holding back namespaces that still have queued events. */
  BODY_CLAIM_HOLD("owner", "until", "now", "limit"),
  /** As {@link #BODY_CLAIM_IN}, holding back namespaces that still have queued events. */
  BODY_CLAIM_IN_HOLD("owner", "until", "now", "projects", "limit"),

  /** Deletes the held events of an owner; returns their ids. */
  EVENT_COMPLETE("owner", "ids"),
  /** Deletes the held bodies of an owner; returns their upload ids. */
  BODY_COMPLETE("owner", "ids"),
  /** Drops the leases of held events after a failed attempt. */
  EVENT_RESCHEDULE("owner", "ids", "next", "error"),
  /** Drops the leases of held bodies after a failed attempt. */
  BODY_RESCHEDULE("owner", "ids", "next", "error"),
  /** Drops the leases of held events without counting a retry. */
  EVENT_RELEASE("owner", "ids"),
  /** Drops the leases of held bodies without counting a retry. */
  BODY_RELEASE("owner", "ids"),
  /** Extends the leases an owner still holds on some events; returns their ids. */
  EVENT_RENEW("owner", "ids", "until"),
  /** Extends the leases an owner still holds on some bodies; returns their upload ids. */
  BODY_RENEW("owner", "ids", "until"),
  /** Copies held events into the failure records. */
  EVENT_FAIL("owner", "ids", "reason", "now"),
  /** Copies held bodies into the failure records. */
  BODY_FAIL("owner", "ids", "reason", "now"),

  /** Counts the events. */
  EVENT_PENDING,
  /** Counts the events of some projects. */
  EVENT_PENDING_IN("projects"),
  /** Counts the bodies. */
  BODY_PENDING,
  /** Counts the bodies of some projects. */
  BODY_PENDING_IN("projects"),
  /** The earliest time an event becomes claimable, and its earliest next attempt. */
  EVENT_NEXT_DUE,
  /** As {@link #EVENT_NEXT_DUE}, for some projects. */
  EVENT_NEXT_DUE_IN("projects"),
  /** The earliest time a body becomes claimable, and its earliest next attempt. */
  BODY_NEXT_DUE,
  /** As {@link #BODY_NEXT_DUE}, for some projects. */
  BODY_NEXT_DUE_IN("projects"),
  /** The projects with queued events. */
  EVENT_PROJECTS,
  /** The projects with queued bodies. */
  BODY_PROJECTS,

  /** An upper bound of the event count from two index lookups. */
  EVENT_ROWS_BOUND,
  /** The exact event count. */
  EVENT_ROWS_COUNT,
  /** An upper bound of the body count from two index lookups. */
  BODY_ROWS_BOUND,
  /** The exact body count. */
  BODY_ROWS_COUNT,
  /** Deletes events by row id (superseded by an enqueue). */
  EVENT_DELETE_IDS("ids"),
  /** Deletes bodies by row id (superseded by an enqueue). */
  BODY_DELETE_IDS("ids"),
  /** Which of some event ids are queued. */
  EVENT_PENDING_EVENT_IDS("eventIds"),
  /** The queued events of some coalesce keys. */
  EVENT_PENDING_COALESCED("keys"),
  /** Inserts a new event. */
  EVENT_INSERT(
      "eventId",
      "type",
      "aggregate",
      "project",
      "feature",
      "branch",
      "mission",
      "manifest",
      "coalesceKey",
      "payload",
      "now"),
  /** The queued versions (keys, not bodies) of some paths of a namespace. */
  BODY_PENDING_PATHS("project", "feature", "branch", "mission", "manifest", "paths"),
  /** Inserts a new body. */
  BODY_INSERT(
      "uploadId",
      "project",
      "feature",
      "branch",
      "mission",
      "manifest",
      "path",
      "hash",
      "algorithm",
      "body",
      "size",
      "now"),

  /** Counts of the event queue at a time. */
  EVENT_STATS("now"),
  /** Counts of the body queue at a time, and its oldest creation time. */
  BODY_STATS("now"),
  /** Bodies per retry count. */
  BODY_RETRIES,
  /** Bodies per feature. */
  BODY_FEATURES,
  /** Counts the failure records. */
  FAILURE_COUNT,

  /** Counts the events of a project. */
  EVENT_PURGE_COUNT_PROJECT("project"),
  /** Counts the events of a feature. */
  EVENT_PURGE_COUNT_FEATURE("feature"),
  /** Counts the bodies of a project. */
  BODY_PURGE_COUNT_PROJECT("project"),
  /** Counts the bodies of a feature. */
  BODY_PURGE_COUNT_FEATURE("feature"),
  /** Deletes the events of a project. */
  EVENT_PURGE_PROJECT("project"),
  /** Deletes the events of a feature. */
  EVENT_PURGE_FEATURE("feature"),
  /** Deletes the bodies of a project. */
  BODY_PURGE_PROJECT("project"),
  /** Deletes the bodies of a feature. */
  BODY_PURGE_FEATURE("feature"),

  /** The oldest failure records, without payloads. */
  FAILURE_LIST("limit"),
  /** Every failure record id. */
  FAILURE_IDS,
  /** The keys of some failure records. */
  FAILURE_ROWS("ids"),
  /** Whether a body of a namespace and path is queued. */
  FAILURE_BODY_PENDING("project", "feature", "branch", "mission", "manifest", "path"),
  /** Copies a body failure record back into the body queue. */
  FAILURE_REQUEUE_BODY("id", "now"),
  /** Whether an event, or one of its coalesce key, is queued. */
  FAILURE_EVENT_PENDING("eventId", "coalesceKey"),
  /** Copies an event failure record back into the event queue. */
  FAILURE_REQUEUE_EVENT("id", "now"),
  /** Deletes a failure record. */
  FAILURE_DELETE("id"),
  /**
   * The body records failed as {@code index_event_failed} that follow the event records among some
   * ids (same namespace, path and hash).
   */
  FAILURE_INDEX_FOLLOWERS("ids"),
  /**
   * The namespace, path and hash of every {@code …ArtifactIndexed} event record that has them, with
   * its latest failure time (the drain fails their bodies as {@code index_event_failed}).
   */
  FAILURE_INDEX_EVENTS,

  /** The one queue health row (delivery, attempt, error, heartbeat). */
  HEALTH_READ,
  /** Writes the one queue health row. */
  HEALTH_WRITE("delivery", "attempt", "error", "heartbeat"),
  /** The oldest event: feature slug, aggregate id, creation time. */
  HEALTH_OLDEST_EVENT,
  /** The oldest body: feature slug, artifact path, creation time. */
  HEALTH_OLDEST_BODY;

  private final List<String> params;

  Sql(String... values) {
    this.params = List.of(values);
  }

  /**
   * The names of the statement's values, in the order {@link SqlSession} takes them; a name may
   * stand for several placeholders of the text.
   *
   * @return the value names
   */
  public List<String> params() {
    return params;
  }
}
