package io.dossiersync.core.queue;

/**
 * Event queue counts at one instant.
 *
 * @param pending every event in the queue
 * @param ready events claimable now ({@code next_attempt_at <= now}, no unexpired lease)
 * @param inBackoff events waiting for a later {@code next_attempt_at}
 * @since 0.1.0
 */
public record EventQueueStats(long pending, long ready, long inBackoff) {}
