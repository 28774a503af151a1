package io.dossiersync.core.drain;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventQueue;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the round's writer needs to know about one queue: how to settle a batch in it, renew its
 * leases, and describe its tasks to the listener.
 *
 * @param <C> the claimed task type
 */
interface QueueSide<C> {

  List<Settlement<C>> settle(List<Settlement<C>> settlements);

  List<C> renew(List<C> held, Instant until);

  int retryCount(C claimed);

  TaskResult result(C claimed, TaskStatus status, String reason, Optional<Instant> next,
      int httpStatus, Duration took);

  /** The event queue. */
  static QueueSide<ClaimedEvent> events(EventQueue queue) {
    return new QueueSide<>() {
      @Override
      public List<Settlement<ClaimedEvent>> settle(List<Settlement<ClaimedEvent>> settlements) {
        return queue.settle(settlements);
      }

      @Override
      public List<ClaimedEvent> renew(List<ClaimedEvent> held, Instant until) {
        return queue.renew(held, until);
      }

      @Override
      public int retryCount(ClaimedEvent claimed) {
        return claimed.retryCount();
      }

      @Override
      public TaskResult result(ClaimedEvent claimed, TaskStatus status, String reason,
          Optional<Instant> next, int httpStatus, Duration took) {
        EventRecord event = claimed.event();
        return new TaskResult(TaskKind.EVENT, event.eventId(), event.namespace(),
            event.aggregateId(), Optional.empty(), status, reason, next, httpStatus, took);
      }
    };
  }

  /** The body queue. */
  static QueueSide<ClaimedBody> bodies(BodyQueue queue) {
    return new QueueSide<>() {
      @Override
      public List<Settlement<ClaimedBody>> settle(List<Settlement<ClaimedBody>> settlements) {
        return queue.settle(settlements);
      }

      @Override
      public List<ClaimedBody> renew(List<ClaimedBody> held, Instant until) {
        return queue.renew(held, until);
      }

      @Override
      public int retryCount(ClaimedBody claimed) {
        return claimed.retryCount();
      }

      @Override
      public TaskResult result(ClaimedBody claimed, TaskStatus status, String reason,
          Optional<Instant> next, int httpStatus, Duration took) {
        BodyUploadTask task = claimed.task();
        return new TaskResult(TaskKind.BODY, task.uploadId(), task.namespace(),
            task.artifactPath(), Optional.of(task.contentHash()), status, reason, next,
            httpStatus, took);
      }
    };
  }
}
