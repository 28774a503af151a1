/**
 * The SQL of the queue store, under one rule: every statement ({@link
 * io.dossiersync.sqlite.internal.sql.Sql}) is authored once with jOOQ's DSL over the schema
 * generated from the migration scripts, one class per concern ({@code QueueStatements} for what
 * both queues share, {@code BodyStatements}, {@code EventStatements}, {@code FailureStatements}),
 * with the dialect differences in {@code DialectRules}. The build renders them once per dialect
 * ({@code StatementRenderer}, in {@code process-classes}) into {@code sqlite.sql} and {@code
 * postgres.sql}; at run time {@link io.dossiersync.sqlite.internal.sql.SqlSession} reads that text,
 * prepares each statement once per connection and binds values, a list as one JSON array ({@code IN
 * (SELECT value FROM json_each(?))}), so no statement is rendered or varies per call and jOOQ's
 * renderer is never loaded. Not an API; may change in any release.
 */
@NullMarked
package io.dossiersync.sqlite.internal.sql;

import org.jspecify.annotations.NullMarked;
