package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.T0;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueTestData;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import io.dossiersync.testkit.MutableClock;
import io.dossiersync.testkit.fake.PushResults;
import io.dossiersync.testkit.fake.RecordingSleeper;
import io.dossiersync.testkit.fake.ScriptedAnswer;
import io.dossiersync.testkit.fake.ScriptedContentTransport;
import io.dossiersync.testkit.fake.ScriptedEventTransport;
import io.dossiersync.testkit.fake.ScriptedTokenProvider;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A drain test bench: the testkit's in-memory store, clock, recording sleeper and scripted
 * transports. The transports' default answers are functions the test replaces ({@link
 * #answerBodies}, {@link #answerEvents}); every send is also written, in order, to {@link #calls},
 * and the bench counts the most pushes ever in flight at once.
 */
final class DrainFixture {

  static final PushResult STORED = PushResults.stored();

  /** A whole event batch answered 429 with {@code retry_after} 30 s. */
  static final EventBatchResult BATCH_RATE_LIMITED_30_S =
      EventBatchResult.notDelivered(
          TransportOutcome.RETRY, 429, "rate_limited", Optional.of(Duration.ofSeconds(30)));

  /** A whole event batch answered 401. */
  static final EventBatchResult BATCH_UNAUTHORIZED =
      EventBatchResult.notDelivered(
          TransportOutcome.UNAUTHORIZED, 401, "unauthorized", Optional.empty());

  final InMemoryQueueStore store = InMemoryQueueStore.create();
  final MutableClock clock = MutableClock.at(T0);
  final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
  final List<String> calls = new CopyOnWriteArrayList<>();
  final ScriptedContentTransport content = ScriptedContentTransport.create();
  final ScriptedEventTransport events = ScriptedEventTransport.create();
  final ScriptedTokenProvider tokens = ScriptedTokenProvider.of("old-token");
  final RecordingListener listener = new RecordingListener();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final AtomicInteger maxEventBatchesInFlight = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger eventBatchesInFlight = new AtomicInteger();
  private volatile Function<PushContentRequest, PushResult> bodyAnswer = r -> STORED;
  private volatile Function<List<EventRecord>, EventBatchResult> eventAnswer = acceptAll();

  DrainFixture() {
    content.setDefaultAnswer(ScriptedAnswer.computing(this::push));
    events.setDefaultAnswer(ScriptedAnswer.computing(this::send));
  }

  /** An answer that accepts every event of the batch. */
  static Function<List<EventRecord>, EventBatchResult> acceptAll() {
    return batch ->
        EventBatchResult.delivered(
            batch.stream()
                .map(e -> new EventResult(e.eventId(), EventResultStatus.SUCCESS, Optional.empty()))
                .toList());
  }

  /** Whether {@code tokens} currently hands out {@code token}. */
  static boolean carries(TokenProvider tokens, String token) {
    return tokens.currentToken().map(AccessToken::value).filter(token::equals).isPresent();
  }

  /** From now on, bodies are answered by {@code answer}. */
  void answerBodies(Function<PushContentRequest, PushResult> answer) {
    bodyAnswer = answer;
  }

  /** From now on, event batches are answered by {@code answer}. */
  void answerEvents(Function<List<EventRecord>, EventBatchResult> answer) {
    eventAnswer = answer;
  }

  private PushResult push(PushContentRequest request) {
    calls.add("body " + request.artifactPath());
    return countedInFlight(inFlight, maxInFlight, () -> bodyAnswer.apply(request));
  }

  private EventBatchResult send(List<EventRecord> batch) {
    calls.add("events " + batch.size());
    return countedInFlight(
        eventBatchesInFlight, maxEventBatchesInFlight, () -> eventAnswer.apply(batch));
  }

  /** Answers one send, counted in {@code now} while it runs; {@code most} keeps the peak. */
  private static <T> T countedInFlight(AtomicInteger now, AtomicInteger most, Supplier<T> answer) {
    most.accumulateAndGet(now.incrementAndGet(), Math::max);
    try {
      return answer.get();
    } finally {
      now.decrementAndGet();
    }
  }

  /**
   * A background service over {@code engine} that runs a round only when started or woken: its
   * longest poll interval is an hour.
   */
  static BackgroundSync.Builder quietSync(DrainEngine engine) {
    return BackgroundSync.builder(engine).maxPollInterval(Duration.ofHours(1));
  }

  /** One drain round of a fresh engine from {@link #builder()}. */
  DrainReport drainOnce() {
    try (DrainEngine engine = builder().build()) {
      return engine.drainOnce();
    }
  }

  /**
   * Queues {@code spec.md} for a receiver that answers every push 401, and builds an engine with no
   * token to refresh: its rounds pause for auth until the test answers bodies otherwise.
   */
  DrainEngine authRefusedEngine(NamespaceRef ns) {
    enqueueBody(ns, "spec.md");
    answerBodies(r -> PushResults.unauthorized());
    return builder().tokenProvider(TokenProvider.none()).build();
  }

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

  /** Enqueues {@code count} bodies, {@code research/r0.md} onwards. */
  void enqueueBodies(NamespaceRef ns, int count) {
    for (int i = 0; i < count; i++) {
      enqueueBody(ns, "research/r" + i + ".md");
    }
  }

  /** Enqueues {@code count} index events, {@code research/r0.md} onwards, and returns them. */
  List<EventRecord> enqueueEvents(NamespaceRef ns, int count) {
    List<EventRecord> enqueued = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      enqueued.add(enqueueEvent(ns, "research/r" + i + ".md"));
    }
    return enqueued;
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
        store
            .bodies()
            .claim(QueueTestData.claim(1_000, clock.instant().plusSeconds(100_000), "peek"));
    store
        .bodies()
        .settle(bodies.stream().map(b -> Settlement.release(b, clock.instant())).toList());
    return bodies;
  }

  long pendingBodies() {
    return store.bodies().pending(ProjectScope.all());
  }

  long pendingEvents() {
    return store.events().pending(ProjectScope.all());
  }
}
