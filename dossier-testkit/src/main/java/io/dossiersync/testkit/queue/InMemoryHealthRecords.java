package io.dossiersync.testkit.queue;

import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.HealthRecords;
import io.dossiersync.core.queue.HealthUpdate;
import io.dossiersync.core.queue.OldestPending;
import io.dossiersync.core.queue.QueueHealth;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The health of an {@link InMemoryQueueStore}, under the store's lock. */
final class InMemoryHealthRecords implements HealthRecords {

  private final InMemoryState state;
  private QueueHealth health = QueueHealth.none();

  InMemoryHealthRecords(InMemoryState state) {
    this.state = state;
  }

  @Override
  public QueueHealth read() {
    return state.locked(() -> health);
  }

  @Override
  public void record(HealthUpdate update) {
    state.locked(() -> health = health.plus(update));
  }

  @Override
  public Optional<OldestPending> oldestPending() {
    return state.locked(
        () ->
            Stream.concat(
                    state.events.entries().stream()
                        .map(
                            e ->
                                new OldestPending(
                                    FailureKind.EVENT,
                                    e.task.namespace().featureSlug(),
                                    e.task.aggregateId(),
                                    e.createdAt)),
                    state.bodies.entries().stream()
                        .map(
                            e ->
                                new OldestPending(
                                    FailureKind.BODY,
                                    e.task.namespace().featureSlug(),
                                    e.task.artifactPath(),
                                    e.createdAt)))
                .min(Comparator.comparing(OldestPending::createdAt)));
  }
}
