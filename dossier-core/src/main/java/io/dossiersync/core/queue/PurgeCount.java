package io.dossiersync.core.queue;

/**
 * How many pending tasks a purge deleted (or would delete, in a dry run).
 *
 * @param events events
 * @param bodies body tasks
 * @since 0.1.0
 */
public record PurgeCount(long events, long bodies) {}
