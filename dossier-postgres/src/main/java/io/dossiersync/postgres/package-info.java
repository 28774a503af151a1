/**
 * A {@code QueueStore} on PostgreSQL ({@link io.dossiersync.postgres.PostgresQueueStore}): one
 * durable queue that many processes and hosts share.
 */
@NullMarked
package io.dossiersync.postgres;

import org.jspecify.annotations.NullMarked;
