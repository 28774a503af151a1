package io.dossiersync.core.queue;

import java.util.List;
import java.util.Objects;

/**
 * The result of one enqueue call: one status per task, in the order given, and how many older
 * pending tasks the new ones superseded (removed).
 *
 * @param statuses one status per task given, same order
 * @param superseded how many older pending tasks were removed because a newer one replaced them
 * @since 0.1.0
 */
public record EnqueueResult(List<EnqueueStatus> statuses, int superseded) {

  private static final EnqueueResult NONE = new EnqueueResult(List.of(), 0);

  /** Copies the list and checks the count. */
  public EnqueueResult {
    statuses = List.copyOf(Objects.requireNonNull(statuses, "statuses"));
    if (superseded < 0) {
      throw new IllegalArgumentException("superseded must be >= 0, got " + superseded);
    }
  }

  /**
   * The result of enqueueing nothing.
   *
   * @return no statuses, nothing superseded
   */
  public static EnqueueResult none() {
    return NONE;
  }

  /**
   * Counts the tasks that ended with a status.
   *
   * @param status the status to count
   * @return how many tasks ended with it
   */
  public long count(EnqueueStatus status) {
    return statuses.stream().filter(status::equals).count();
  }
}
