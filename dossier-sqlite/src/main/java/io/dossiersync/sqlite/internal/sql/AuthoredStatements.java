package io.dossiersync.sqlite.internal.sql;

import org.jooq.Query;
import org.jooq.ResultQuery;

/**
 * Where each {@link Sql} is authored, for one dialect (build time only): the exhaustive switch
 * makes a statement without an author a compile error. Immutable.
 */
final class AuthoredStatements {

  private final EventStatements events;
  private final BodyStatements bodies;
  private final FailureStatements failures;
  private final HealthStatements health = new HealthStatements();
  private final DialectRules rules;

  AuthoredStatements(DialectRules rules) {
    this.rules = rules;
    this.events = new EventStatements(rules);
    this.bodies = new BodyStatements(rules);
    this.failures = new FailureStatements(rules);
  }

  DialectRules rules() {
    return rules;
  }

  /**
   * The authored statement of a name.
   *
   * @param sql the name
   * @return a {@link Query} or {@link ResultQuery}, with every value named as in {@link
   *     Sql#params()}
   */
  org.jooq.QueryPart of(Sql sql) {
    QueueStatements e = events.queue();
    QueueStatements b = bodies.queue();
    return switch (sql) {
      case EVENT_CLAIM -> events.claim(false);
      case EVENT_CLAIM_IN -> events.claim(true);
      case BODY_CLAIM -> bodies.claim(false, false);
      case BODY_CLAIM_IN -> bodies.claim(true, false);
      case BODY_CLAIM_HOLD -> bodies.claim(false, true);
      case BODY_CLAIM_IN_HOLD -> bodies.claim(true, true);
      case EVENT_COMPLETE -> e.complete();
      case BODY_COMPLETE -> b.complete();
      case EVENT_RESCHEDULE -> e.reschedule();
      case BODY_RESCHEDULE -> b.reschedule();
      case EVENT_RELEASE -> e.release();
      case BODY_RELEASE -> b.release();
      case EVENT_RENEW -> e.renew();
      case BODY_RENEW -> b.renew();
      case EVENT_FAIL -> events.fail();
      case BODY_FAIL -> bodies.fail();
      case EVENT_PENDING -> e.pending(false);
      case EVENT_PENDING_IN -> e.pending(true);
      case BODY_PENDING -> b.pending(false);
      case BODY_PENDING_IN -> b.pending(true);
      case EVENT_NEXT_DUE -> e.nextDue(false);
      case EVENT_NEXT_DUE_IN -> e.nextDue(true);
      case BODY_NEXT_DUE -> b.nextDue(false);
      case BODY_NEXT_DUE_IN -> b.nextDue(true);
      case EVENT_PROJECTS -> e.projects();
      case BODY_PROJECTS -> b.projects();
      case EVENT_ROWS_BOUND -> e.rowsBound();
      case EVENT_ROWS_COUNT -> e.rowsCount();
      case BODY_ROWS_BOUND -> b.rowsBound();
      case BODY_ROWS_COUNT -> b.rowsCount();
      case EVENT_DELETE_IDS -> e.deleteIds();
      case BODY_DELETE_IDS -> b.deleteIds();
      case EVENT_PENDING_EVENT_IDS -> events.pendingEventIds();
      case EVENT_PENDING_COALESCED -> events.pendingCoalesced();
      case EVENT_INSERT -> events.insert();
      case BODY_PENDING_PATHS -> bodies.pendingPaths(rules);
      case BODY_INSERT -> bodies.insert();
      case EVENT_STATS -> e.stats();
      case BODY_STATS -> b.stats();
      case BODY_RETRIES -> bodies.retries();
      case BODY_FEATURES -> bodies.features();
      case FAILURE_COUNT -> failures.count();
      case EVENT_PURGE_COUNT_PROJECT -> e.purgeCount(true);
      case EVENT_PURGE_COUNT_FEATURE -> e.purgeCount(false);
      case BODY_PURGE_COUNT_PROJECT -> b.purgeCount(true);
      case BODY_PURGE_COUNT_FEATURE -> b.purgeCount(false);
      case EVENT_PURGE_PROJECT -> e.purge(true);
      case EVENT_PURGE_FEATURE -> e.purge(false);
      case BODY_PURGE_PROJECT -> b.purge(true);
      case BODY_PURGE_FEATURE -> b.purge(false);
      case FAILURE_LIST -> failures.list();
      case FAILURE_IDS -> failures.ids();
      case FAILURE_ROWS -> failures.rows();
      case FAILURE_BODY_PENDING -> failures.bodyPending();
      case FAILURE_REQUEUE_BODY -> failures.requeueBody();
      case FAILURE_EVENT_PENDING -> failures.eventPending();
      case FAILURE_REQUEUE_EVENT -> failures.requeueEvent();
      case FAILURE_DELETE -> failures.delete();
      case FAILURE_INDEX_FOLLOWERS -> failures.indexFollowers();
      case FAILURE_INDEX_EVENTS -> failures.indexEvents();
      case HEALTH_READ -> health.read();
      case HEALTH_WRITE -> health.write();
      case HEALTH_OLDEST_EVENT -> health.oldestEvent();
      case HEALTH_OLDEST_BODY -> health.oldestBody();
    };
  }
}
