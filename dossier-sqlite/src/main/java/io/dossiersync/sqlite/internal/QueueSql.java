package io.dossiersync.sqlite.internal;

import io.dossiersync.sqlite.internal.sql.Sql;

/**
 * The statements that each queue has its own copy of, so that the code running them is written once
 * for both queues. Immutable.
 */
record QueueSql(
    Sql complete,
    Sql reschedule,
    Sql release,
    Sql renew,
    Sql fail,
    Sql pending,
    Sql pendingIn,
    Sql nextDue,
    Sql nextDueIn,
    Sql projects,
    Sql rowsBound,
    Sql rowsCount,
    Sql deleteIds,
    Sql stats,
    Sql purgeCountProject,
    Sql purgeCountFeature,
    Sql purgeProject,
    Sql purgeFeature) {

  static final QueueSql EVENTS =
      new QueueSql(
          Sql.EVENT_COMPLETE,
          Sql.EVENT_RESCHEDULE,
          Sql.EVENT_RELEASE,
          Sql.EVENT_RENEW,
          Sql.EVENT_FAIL,
          Sql.EVENT_PENDING,
          Sql.EVENT_PENDING_IN,
          Sql.EVENT_NEXT_DUE,
          Sql.EVENT_NEXT_DUE_IN,
          Sql.EVENT_PROJECTS,
          Sql.EVENT_ROWS_BOUND,
          Sql.EVENT_ROWS_COUNT,
          Sql.EVENT_DELETE_IDS,
          Sql.EVENT_STATS,
          Sql.EVENT_PURGE_COUNT_PROJECT,
          Sql.EVENT_PURGE_COUNT_FEATURE,
          Sql.EVENT_PURGE_PROJECT,
          Sql.EVENT_PURGE_FEATURE);

  static final QueueSql BODIES =
      new QueueSql(
          Sql.BODY_COMPLETE,
          Sql.BODY_RESCHEDULE,
          Sql.BODY_RELEASE,
          Sql.BODY_RENEW,
          Sql.BODY_FAIL,
          Sql.BODY_PENDING,
          Sql.BODY_PENDING_IN,
          Sql.BODY_NEXT_DUE,
          Sql.BODY_NEXT_DUE_IN,
          Sql.BODY_PROJECTS,
          Sql.BODY_ROWS_BOUND,
          Sql.BODY_ROWS_COUNT,
          Sql.BODY_DELETE_IDS,
          Sql.BODY_STATS,
          Sql.BODY_PURGE_COUNT_PROJECT,
          Sql.BODY_PURGE_COUNT_FEATURE,
          Sql.BODY_PURGE_PROJECT,
          Sql.BODY_PURGE_FEATURE);
}
