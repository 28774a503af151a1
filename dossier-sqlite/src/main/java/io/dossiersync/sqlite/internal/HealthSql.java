package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.QUEUE_HEALTH;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The statements of the queue health (schema version 5): authored once with jOOQ's DSL over the
 * generated schema, rendered once into these constants, run as JDBC prepared statements
 * (STYLE rule 17). Stateless.
 */
final class HealthSql {

  private static final DSLContext SQLITE =
      DSL.using(SQLDialect.SQLITE, new Settings().withRenderSchema(false));

  /** The one health row: delivery, attempt, error, heartbeat; no row when never recorded. */
  static final String READ = SQLITE
      .select(QUEUE_HEALTH.LAST_DELIVERY_AT, QUEUE_HEALTH.LAST_ATTEMPT_AT,
          QUEUE_HEALTH.LAST_ERROR, QUEUE_HEALTH.DRAINER_HEARTBEAT_AT)
      .from(QUEUE_HEALTH)
      .where(QUEUE_HEALTH.ID.eq(DSL.inline(1L)))
      .getSQL(ParamType.INDEXED);

  /** Writes the one health row, binding delivery, attempt, error and heartbeat. */
  static final String WRITE = SQLITE
      .insertInto(QUEUE_HEALTH, QUEUE_HEALTH.ID, QUEUE_HEALTH.LAST_DELIVERY_AT,
          QUEUE_HEALTH.LAST_ATTEMPT_AT, QUEUE_HEALTH.LAST_ERROR, QUEUE_HEALTH.DRAINER_HEARTBEAT_AT)
      .values(DSL.inline(1L), DSL.val((Long) null), DSL.val((Long) null), DSL.val((String) null),
          DSL.val((Long) null))
      .onConflict(QUEUE_HEALTH.ID)
      .doUpdate()
      .set(QUEUE_HEALTH.LAST_DELIVERY_AT, DSL.excluded(QUEUE_HEALTH.LAST_DELIVERY_AT))
      .set(QUEUE_HEALTH.LAST_ATTEMPT_AT, DSL.excluded(QUEUE_HEALTH.LAST_ATTEMPT_AT))
      .set(QUEUE_HEALTH.LAST_ERROR, DSL.excluded(QUEUE_HEALTH.LAST_ERROR))
      .set(QUEUE_HEALTH.DRAINER_HEARTBEAT_AT, DSL.excluded(QUEUE_HEALTH.DRAINER_HEARTBEAT_AT))
      .getSQL(ParamType.INDEXED);

  /** The oldest body task: feature slug, artifact path, creation time. */
  static final String OLDEST_BODY = SQLITE
      .select(BODY_QUEUE.FEATURE_SLUG, BODY_QUEUE.ARTIFACT_PATH, BODY_QUEUE.CREATED_AT)
      .from(BODY_QUEUE)
      .orderBy(BODY_QUEUE.CREATED_AT, BODY_QUEUE.ID)
      .limit(DSL.inline(1))
      .getSQL(ParamType.INDEXED);

  /** The oldest event task: feature slug, aggregate id, creation time. */
  static final String OLDEST_EVENT = SQLITE
      .select(EVENT_QUEUE.FEATURE_SLUG, EVENT_QUEUE.AGGREGATE_ID, EVENT_QUEUE.CREATED_AT)
      .from(EVENT_QUEUE)
      .orderBy(EVENT_QUEUE.CREATED_AT, EVENT_QUEUE.ID)
      .limit(DSL.inline(1))
      .getSQL(ParamType.INDEXED);

  private HealthSql() {}
}
