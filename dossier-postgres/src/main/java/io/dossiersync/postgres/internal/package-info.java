/**
 * Internals of the PostgreSQL queue store: connections and transactions, schema migration. The
 * queue operations and their statements are the ones the SQLite store runs (authored once, rendered
 * for PostgreSQL at build time). Public only so that {@code io.dossiersync.postgres} can use them;
 * not an API, may change in any release.
 */
@NullMarked
package io.dossiersync.postgres.internal;

import org.jspecify.annotations.NullMarked;
