package io.dossiersync.core.pipeline;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.core.queue.QueueStore;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A test stub of {@link QueueStore} that records every {@code enqueue} call and answers with a
 * scripted {@link EnqueueResult} (default: everything enqueued). The pipeline uses only {@code
 * enqueueDossier}, which this stub counts and answers with the port's default (the two {@code
 * enqueue} calls); any other call fails the test.
 */
final class RecordingQueueStore implements QueueStore {

  final List<List<EventRecord>> eventBatches = new ArrayList<>();
  final List<List<BodyUploadTask>> bodyBatches = new ArrayList<>();
  final List<Instant> enqueueTimes = new ArrayList<>();
  int dossierCalls;
  Function<List<EventRecord>, EnqueueResult> eventAnswer = RecordingQueueStore::allEnqueued;
  Function<List<BodyUploadTask>, EnqueueResult> bodyAnswer = RecordingQueueStore::allEnqueued;

  static EnqueueResult allEnqueued(List<?> tasks) {
    return new EnqueueResult(Collections.nCopies(tasks.size(), EnqueueStatus.ENQUEUED), 0);
  }

  /** An answer that gives each event or body of the batch the status {@code statusOf} names. */
  static <T> Function<List<T>, EnqueueResult> each(Function<T, EnqueueStatus> statusOf) {
    return batch -> new EnqueueResult(batch.stream().map(statusOf).toList(), 0);
  }

  /** Counts the call, then enqueues as the port's default does: events, then bodies. */
  @Override
  public DossierEnqueueResult enqueueDossier(
      List<EventRecord> events, List<BodyUploadTask> bodies, Instant now) {
    dossierCalls++;
    return QueueStore.super.enqueueDossier(events, bodies, now);
  }

  @Override
  public EventQueue events() {
    return stub(EventQueue.class, recording(eventBatches, batch -> eventAnswer.apply(batch)));
  }

  @Override
  public BodyQueue bodies() {
    return stub(BodyQueue.class, recording(bodyBatches, batch -> bodyAnswer.apply(batch)));
  }

  /** An {@code enqueue(batch, now)} that records the batch and its time, then answers it. */
  private <T> Function<Object[], EnqueueResult> recording(
      List<List<T>> batches, Function<List<T>, EnqueueResult> answer) {
    return args -> {
      @SuppressWarnings("unchecked")
      List<T> batch = List.copyOf((List<T>) args[0]);
      batches.add(batch);
      enqueueTimes.add((Instant) args[1]);
      return answer.apply(batch);
    };
  }

  private static <T> T stub(Class<T> type, Function<Object[], EnqueueResult> enqueue) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("enqueue")) {
                return enqueue.apply(args);
              }
              throw new UnsupportedOperationException("the pipeline must not call " + method);
            }));
  }

  @Override
  public FailureRecords failures() {
    throw new UnsupportedOperationException("the pipeline must not read failure records");
  }

  @Override
  public QueueStats stats(Instant now) {
    throw new UnsupportedOperationException("the pipeline must not read stats");
  }

  @Override
  public PurgeCount purge(PurgeScope scope, boolean dryRun) {
    throw new UnsupportedOperationException("the pipeline must not purge");
  }

  @Override
  public String location() {
    return "memory:recording";
  }

  @Override
  public void close() {}
}
