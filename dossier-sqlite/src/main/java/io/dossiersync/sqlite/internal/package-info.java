/**
 * Internals of the SQLite queue store: connection pool and transactions, schema migration, and
 * the SQL of each queue operation (all through jOOQ with bind values, on classes generated from
 * the schema scripts). Public only so that the {@code io.dossiersync.sqlite} package can use
 * them; not an API, may change in any release.
 */
@NullMarked
package io.dossiersync.sqlite.internal;

import org.jspecify.annotations.NullMarked;
