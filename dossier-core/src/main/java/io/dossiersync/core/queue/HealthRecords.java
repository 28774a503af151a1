package io.dossiersync.core.queue;

import java.util.Optional;

/**
 * The health part of a {@link QueueStore} (PRODUCT.md §3): what drains recorded about delivery,
 * kept in the store so that every process sharing it reads the same values, and the oldest pending
 * task. {@code dossier status} prints it; {@code status --check} alerts on it.
 *
 * <p>Writers are drains in any process, usually through {@code
 * io.dossiersync.core.drain.HealthRecordingListener}; each {@link #record} is one short write.
 * Implementations are thread-safe; a durable store keeps the values durably, with its own
 * guarantees. Failures cross as {@link QueueStoreException}.
 *
 * @since 0.1.0
 */
public interface HealthRecords {

  /**
   * The recorded health.
   *
   * @return the values, {@link QueueHealth#none()} when nothing was recorded
   * @throws QueueStoreException when the store cannot be read
   */
  QueueHealth read();

  /**
   * Folds one drain round into the recorded health ({@link QueueHealth#plus}), atomically with
   * respect to other writers.
   *
   * @param update what the round did
   * @throws QueueStoreException when the store cannot be written
   */
  void record(HealthUpdate update);

  /**
   * The task that has waited longest in either queue, failure records aside.
   *
   * @return the oldest pending task, empty when both queues are empty
   * @throws QueueStoreException when the store cannot be read
   */
  Optional<OldestPending> oldestPending();

  /**
   * Health for a store that keeps none: reads {@link QueueHealth#none()} and no pending task,
   * ignores records. The default of {@link QueueStore#health()}.
   *
   * @return the health that records nothing
   */
  static HealthRecords unrecorded() {
    return new HealthRecords() {
      @Override
      public QueueHealth read() {
        return QueueHealth.none();
      }

      @Override
      public void record(HealthUpdate update) {}

      @Override
      public Optional<OldestPending> oldestPending() {
        return Optional.empty();
      }
    };
  }
}
