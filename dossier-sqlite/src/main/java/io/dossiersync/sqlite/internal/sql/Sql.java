package io.dossiersync.sqlite.internal.sql;

import java.util.List;

/**
 * The name of every statement the queue store runs, with the names of its values in the order a
 * caller passes them. The text of each is authored once with jOOQ ({@link AuthoredStatements}),
 * rendered per dialect at build time ({@link StatementRenderer}) and read here without jOOQ
 * ({@link RenderedSql}); {@link SqlSession} prepares and runs it. A value that is a list is bound as
 * one JSON array ({@code IN (SELECT value FROM json_each(?))}), so every statement is one constant.
 */
public enum Sql {
  EVENT_CLAIM("owner", "until", "now", "limit"),
  EVENT_CLAIM_IN("owner", "until", "now", "projects", "limit"),
  BODY_CLAIM("owner", "until", "now", "limit"),
  BODY_CLAIM_IN("owner", "until", "now", "projects", "limit"),
  BODY_CLAIM_HOLD("owner", "until", "now", "limit"),
  BODY_CLAIM_IN_HOLD("owner", "until", "now", "projects", "limit"),

  EVENT_COMPLETE("owner", "ids"),
  BODY_COMPLETE("owner", "ids"),
  EVENT_RESCHEDULE("owner", "ids", "next", "error"),
  BODY_RESCHEDULE("owner", "ids", "next", "error"),
  EVENT_RELEASE("owner", "ids"),
  BODY_RELEASE("owner", "ids"),
  EVENT_FAIL("owner", "ids", "reason", "now"),
  BODY_FAIL("owner", "ids", "reason", "now"),

  EVENT_PENDING,
  EVENT_PENDING_IN("projects"),
  BODY_PENDING,
  BODY_PENDING_IN("projects"),
  EVENT_NEXT_DUE,
  EVENT_NEXT_DUE_IN("projects"),
  BODY_NEXT_DUE,
  BODY_NEXT_DUE_IN("projects"),
  EVENT_NEXT_ATTEMPT,
  EVENT_NEXT_ATTEMPT_IN("projects"),
  BODY_NEXT_ATTEMPT,
  BODY_NEXT_ATTEMPT_IN("projects"),
  EVENT_PROJECTS,
  BODY_PROJECTS,

  EVENT_ROWS_BOUND,
  EVENT_ROWS_COUNT,
  BODY_ROWS_BOUND,
  BODY_ROWS_COUNT,
  EVENT_DELETE_IDS("ids"),
  BODY_DELETE_IDS("ids"),
  EVENT_PENDING_EVENT_IDS("eventIds"),
  EVENT_PENDING_COALESCED("keys"),
  EVENT_INSERT("eventId", "type", "aggregate", "project", "feature", "branch", "mission",
      "manifest", "coalesceKey", "payload", "now"),
  BODY_PENDING_PATHS("project", "feature", "branch", "mission", "manifest", "paths"),
  BODY_INSERT("uploadId", "project", "feature", "branch", "mission", "manifest", "path", "hash",
      "algorithm", "body", "size", "now"),

  EVENT_STATS("now"),
  BODY_STATS("now"),
  BODY_RETRIES,
  BODY_FEATURES,
  FAILURE_COUNT,

  EVENT_PURGE_COUNT_PROJECT("project"),
  EVENT_PURGE_COUNT_FEATURE("feature"),
  BODY_PURGE_COUNT_PROJECT("project"),
  BODY_PURGE_COUNT_FEATURE("feature"),
  EVENT_PURGE_PROJECT("project"),
  EVENT_PURGE_FEATURE("feature"),
  BODY_PURGE_PROJECT("project"),
  BODY_PURGE_FEATURE("feature"),

  FAILURE_LIST("limit"),
  FAILURE_IDS,
  FAILURE_ROWS("ids"),
  FAILURE_BODY_PENDING("project", "feature", "branch", "mission", "manifest", "path"),
  FAILURE_REQUEUE_BODY("id", "now"),
  FAILURE_EVENT_PENDING("eventId", "coalesceKey"),
  FAILURE_REQUEUE_EVENT("id", "now"),
  FAILURE_DELETE("id");

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
