package io.dossiersync.core.drain;

import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.core.transport.EventTransport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An event transport whose answers come from a script; it records every batch. */
final class ScriptedEventTransport implements EventTransport {

  final List<List<EventRecord>> batches = new CopyOnWriteArrayList<>();
  private final List<String> calls;
  private volatile Function<List<EventRecord>, EventBatchResult> script;

  ScriptedEventTransport(List<String> calls, Function<List<EventRecord>, EventBatchResult> script) {
    this.calls = calls;
    this.script = script;
  }

  /** A script that accepts every event. */
  static Function<List<EventRecord>, EventBatchResult> acceptAll() {
    return events -> EventBatchResult.delivered(events.stream()
        .map(e -> new EventResult(e.eventId(), EventResultStatus.SUCCESS, Optional.empty()))
        .toList());
  }

  void answer(Function<List<EventRecord>, EventBatchResult> next) {
    script = next;
  }

  @Override
  public EventBatchResult send(List<EventRecord> events) {
    batches.add(List.copyOf(events));
    calls.add("events " + events.size());
    return script.apply(events);
  }
}
