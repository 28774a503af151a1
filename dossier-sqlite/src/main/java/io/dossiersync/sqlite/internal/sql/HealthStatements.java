package io.dossiersync.sqlite.internal.sql;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.QUEUE_HEALTH;

import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The statements of the queue health (its one {@code queue_health} row, and the oldest pending task
 * of each queue), authored once for every dialect (build time only). Values are named as in {@link
 * Sql}; a time is epoch milliseconds, NULL for never. Stateless.
 */
final class HealthStatements {

  /** The one health row: delivery, attempt, error, heartbeat; no row when never recorded. */
  ResultQuery<?> read() {
    return DSL.select(
            QUEUE_HEALTH.LAST_DELIVERY_AT,
            QUEUE_HEALTH.LAST_ATTEMPT_AT,
            QUEUE_HEALTH.LAST_ERROR,
            QUEUE_HEALTH.DRAINER_HEARTBEAT_AT)
        .from(QUEUE_HEALTH)
        .where(QUEUE_HEALTH.ID.eq(DSL.inline(1L)));
  }

  /** Writes the one health row, inserted on first use. */
  Query write() {
    return DSL.insertInto(
            QUEUE_HEALTH,
            QUEUE_HEALTH.ID,
            QUEUE_HEALTH.LAST_DELIVERY_AT,
            QUEUE_HEALTH.LAST_ATTEMPT_AT,
            QUEUE_HEALTH.LAST_ERROR,
            QUEUE_HEALTH.DRAINER_HEARTBEAT_AT)
        .values(
            DSL.inline(1L),
            Values.number("delivery"),
            Values.number("attempt"),
            Values.text("error"),
            Values.number("heartbeat"))
        .onConflict(QUEUE_HEALTH.ID)
        .doUpdate()
        .set(QUEUE_HEALTH.LAST_DELIVERY_AT, DSL.excluded(QUEUE_HEALTH.LAST_DELIVERY_AT))
        .set(QUEUE_HEALTH.LAST_ATTEMPT_AT, DSL.excluded(QUEUE_HEALTH.LAST_ATTEMPT_AT))
        .set(QUEUE_HEALTH.LAST_ERROR, DSL.excluded(QUEUE_HEALTH.LAST_ERROR))
        .set(QUEUE_HEALTH.DRAINER_HEARTBEAT_AT, DSL.excluded(QUEUE_HEALTH.DRAINER_HEARTBEAT_AT));
  }

  /** The oldest body task: feature slug, artifact path, creation time. */
  ResultQuery<?> oldestBody() {
    return DSL.select(BODY_QUEUE.FEATURE_SLUG, BODY_QUEUE.ARTIFACT_PATH, BODY_QUEUE.CREATED_AT)
        .from(BODY_QUEUE)
        .orderBy(BODY_QUEUE.CREATED_AT, BODY_QUEUE.ID)
        .limit(DSL.inline(1));
  }

  /** The oldest event task: feature slug, aggregate id, creation time. */
  ResultQuery<?> oldestEvent() {
    return DSL.select(EVENT_QUEUE.FEATURE_SLUG, EVENT_QUEUE.AGGREGATE_ID, EVENT_QUEUE.CREATED_AT)
        .from(EVENT_QUEUE)
        .orderBy(EVENT_QUEUE.CREATED_AT, EVENT_QUEUE.ID)
        .limit(DSL.inline(1));
  }
}
