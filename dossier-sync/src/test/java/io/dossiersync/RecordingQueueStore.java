package io.dossiersync;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.core.queue.QueueStore;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store that records how often it was closed (and closes the real one only on demand). */
final class RecordingQueueStore implements QueueStore {

  private final QueueStore delegate;
  final AtomicInteger closeCalls = new AtomicInteger();

  RecordingQueueStore(QueueStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public EventQueue events() {
    return delegate.events();
  }

  @Override
  public BodyQueue bodies() {
    return delegate.bodies();
  }

  @Override
  public FailureRecords failures() {
    return delegate.failures();
  }

  @Override
  public QueueStats stats(Instant now) {
    return delegate.stats(now);
  }

  @Override
  public PurgeCount purge(PurgeScope scope, boolean dryRun) {
    return delegate.purge(scope, dryRun);
  }

  @Override
  public String location() {
    return delegate.location();
  }

  @Override
  public void close() {
    closeCalls.incrementAndGet();
  }

  void closeForReal() {
    delegate.close();
  }
}
