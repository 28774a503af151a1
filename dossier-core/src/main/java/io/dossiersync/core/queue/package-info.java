/**
 * The {@link io.dossiersync.core.queue.QueueStore} port: the durable event queue, body queue and
 * failure records, with the values that cross it.
 */
@NullMarked
package io.dossiersync.core.queue;

import org.jspecify.annotations.NullMarked;
