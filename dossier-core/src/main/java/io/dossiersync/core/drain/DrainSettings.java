package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.EventTransport;
import io.dossiersync.core.transport.TokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The validated configuration of a {@link DrainEngine}, as its builder produced it. {@code clock}
 * gives the wall-clock times the queue persists; {@code nanoTime} (monotonic) times every
 * in-process wait and deadline.
 */
record DrainSettings(
    QueueStore store,
    ContentTransport content,
    EventTransport events,
    TokenProvider tokens,
    SyncConsent consent,
    ProjectScope projectScope,
    Clock clock,
    LongSupplier nanoTime,
    Sleeper sleeper,
    Backoff backoff,
    int concurrency,
    int eventBatchSize,
    int bodyClaimBatchSize,
    Duration leaseDuration,
    int retryCeiling,
    DrainListener listener,
    Runnable abortInFlight) {}
