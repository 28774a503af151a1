package io.dossiersync.core.drain;

import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A content transport whose answers come from a script; it records every push (in a call log
 * shared with the event transport) and the most pushes it ever saw in flight at once.
 */
final class ScriptedContentTransport implements ContentTransport {

  final List<PushContentRequest> pushes = new CopyOnWriteArrayList<>();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<String> calls;
  private volatile Function<PushContentRequest, PushResult> script;

  ScriptedContentTransport(List<String> calls, Function<PushContentRequest, PushResult> script) {
    this.calls = calls;
    this.script = script;
  }

  void answer(Function<PushContentRequest, PushResult> next) {
    script = next;
  }

  @Override
  public PushResult push(PushContentRequest request) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      pushes.add(request);
      calls.add("body " + request.artifactPath());
      return script.apply(request);
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
