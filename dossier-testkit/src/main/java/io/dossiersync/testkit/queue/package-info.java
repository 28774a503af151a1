/**
 * The in-memory {@link io.dossiersync.core.queue.QueueStore}: {@link InMemoryQueueStore}, for tests
 * and for hosts that drain in the same process and accept losing the queue when it exits. It passes
 * the same {@link io.dossiersync.testkit.QueueStoreContract} as the SQLite and PostgreSQL stores;
 * its parts (tables, views, failure records) are package-private.
 */
@NullMarked
package io.dossiersync.testkit.queue;

import org.jspecify.annotations.NullMarked;
