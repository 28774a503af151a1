package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.T0;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.InMemoryQueueStore;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueTestData;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.core.transport.TransportOutcome;
import io.dossiersync.core.transport.PushResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A drain test bench: in-memory store, settable clock, recording sleeper and scripted doubles. */
final class DrainFixture {

  static final PushResult STORED = PushResult.of(TransportOutcome.DELIVERED, 201, "stored");

  final InMemoryQueueStore store = InMemoryQueueStore.create();
  final SettableClock clock = new SettableClock(T0);
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final List<String> calls = new CopyOnWriteArrayList<>();
  final ScriptedContentTransport content = new ScriptedContentTransport(calls, r -> STORED);
  final ScriptedEventTransport events =
      new ScriptedEventTransport(calls, ScriptedEventTransport.acceptAll());
  final ScriptedTokens tokens = new ScriptedTokens("old-token", Optional.empty());
  final RecordingListener listener = new RecordingListener();

  /** A builder wired to this bench, with no jitter. */
  DrainEngineBuilder builder() {
    return builder(store);
  }

  /** A builder wired to this bench and the given store, with no jitter. */
  DrainEngineBuilder builder(QueueStore queueStore) {
    return DrainEngine.builder()
        .queueStore(queueStore)
        .contentTransport(content)
        .eventTransport(events)
        .tokenProvider(tokens)
        .clock(clock)
        .nanoTime(() -> clock.instant().toEpochMilli() * 1_000_000L)
        .sleeper(sleeper)
        .jitter(() -> 0.0)
        .listener(listener);
  }

  BodyUploadTask enqueueBody(NamespaceRef ns, String path) {
    BodyUploadTask task = QueueTestData.body(ns, path, "h-" + path);
    store.bodies().enqueue(List.of(task), clock.instant());
    return task;
  }

  EventRecord enqueueEvent(NamespaceRef ns, String path) {
    EventRecord event = QueueTestData.indexed(ns, path, "h-" + path);
    store.events().enqueue(List.of(event), clock.instant());
    return event;
  }

  /** Claims every body ready now under a throw-away lease, to look at its retry state. */
  List<ClaimedBody> peekBodies() {
    List<ClaimedBody> bodies =
        store.bodies().claim(QueueTestData.claim(1_000, clock.instant().plusSeconds(100_000),
            "peek"));
    store.bodies().settle(bodies.stream().map(b -> Settlement.release(b, clock.instant()))
        .toList());
    return bodies;
  }

  long pendingBodies() {
    return store.bodies().pending(ProjectScope.all());
  }

  long pendingEvents() {
    return store.events().pending(ProjectScope.all());
  }
}
