/**
 * Internals of the SQLite queue store: connection pool and transactions ({@code Database}), schema
 * migration, and the queue operations, which run the statements of {@link
 * io.dossiersync.sqlite.internal.sql} (authored with jOOQ, rendered at build time, executed as
 * plain JDBC prepared statements). Public only so that the {@code io.dossiersync.sqlite} package
 * can use them; not an API, may change in any release.
 */
@NullMarked
package io.dossiersync.sqlite.internal;

import org.jspecify.annotations.NullMarked;
