package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Counts or deletes the pending tasks of a project or a feature, in both queues. Stateless. */
final class PurgeQuery {

  private PurgeQuery() {}

  static PurgeCount count(DSLContext dsl, PurgeScope scope) {
    return new PurgeCount(
        dsl.fetchCount(QueueColumns.EVENTS.table(), matches(QueueColumns.EVENTS, scope)),
        dsl.fetchCount(QueueColumns.BODIES.table(), matches(QueueColumns.BODIES, scope)));
  }

  static PurgeCount delete(DSLContext dsl, PurgeScope scope) {
    return new PurgeCount(
        dsl.deleteFrom(QueueColumns.EVENTS.table()).where(matches(QueueColumns.EVENTS, scope))
            .execute(),
        dsl.deleteFrom(QueueColumns.BODIES.table()).where(matches(QueueColumns.BODIES, scope))
            .execute());
  }

  private static Condition matches(QueueColumns q, PurgeScope scope) {
    return scope.projectUuid() != null
        ? q.projectUuid().eq(scope.projectUuid())
        : q.featureSlug().eq(scope.featureSlug());
  }
}
