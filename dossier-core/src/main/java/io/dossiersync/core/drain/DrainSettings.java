package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.EventTransport;
import io.dossiersync.core.transport.TokenProvider;
import java.time.Clock;
import java.time.Duration;

/** The validated configuration of a {@link DrainEngine}, as its builder produced it. */
record DrainSettings(
    QueueStore store,
    ContentTransport content,
    EventTransport events,
    TokenProvider tokens,
    SyncConsent consent,
    ProjectScope projectScope,
    Clock clock,
    Sleeper sleeper,
    Backoff backoff,
    int concurrency,
    int eventBatchSize,
    int bodyClaimBatchSize,
    Duration leaseDuration,
    int retryCeiling,
    DrainListener listener) {}
