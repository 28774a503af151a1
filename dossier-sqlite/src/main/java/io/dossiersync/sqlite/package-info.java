/**
 * The durable {@link io.dossiersync.core.queue.QueueStore}: one SQLite file holding the event
 * queue, the body queue and the failure records ({@link io.dossiersync.sqlite.SqliteQueueStore}),
 * and where that file lives by default ({@link io.dossiersync.sqlite.DefaultQueueLocation}).
 */
@NullMarked
package io.dossiersync.sqlite;

import org.jspecify.annotations.NullMarked;
