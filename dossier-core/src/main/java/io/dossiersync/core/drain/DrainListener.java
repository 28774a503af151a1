package io.dossiersync.core.drain;

/**
 * Receives what a drain did (PRODUCT.md §5, FR-012): one call per task result and one per drain
 * round. Both methods default to doing nothing, so {@link #noop()} and partial implementations are
 * one-liners.
 *
 * <p>Calls come from one thread, the round thread (the thread that called {@code drainOnce} or
 * {@code drainUntilEmpty}, or the background service's thread), never from a send thread, and a
 * task's result only once the queue recorded it: implementations are quick, since the round waits
 * for them. An exception thrown by a listener is caught and logged by the drain; it never changes
 * what happens to the task.
 *
 * @since 0.1.0
 */
public interface DrainListener {

  /**
   * One task was sent, kept, failed or released.
   *
   * @param result what happened to it
   */
  default void onTask(TaskResult result) {}

  /**
   * One drain round ended ({@link DrainEngine#drainOnce()}, or each round of {@link
   * DrainEngine#drainUntilEmpty}).
   *
   * @param report the round's summary
   */
  default void onDrain(DrainReport report) {}

  /**
   * This listener, then {@code next}, for every call. An exception of this listener does not keep
   * {@code next} from being called.
   *
   * @param next the listener called second
   * @return a listener calling both
   */
  default DrainListener and(DrainListener next) {
    java.util.Objects.requireNonNull(next, "next");
    DrainListener first = this;
    return new DrainListener() {
      @Override
      public void onTask(TaskResult result) {
        try {
          first.onTask(result);
        } finally {
          next.onTask(result);
        }
      }

      @Override
      public void onDrain(DrainReport report) {
        try {
          first.onDrain(report);
        } finally {
          next.onDrain(report);
        }
      }
    };
  }

  /**
   * A listener that ignores everything: the default.
   *
   * @return the no-op listener
   */
  static DrainListener noop() {
    return new DrainListener() {};
  }
}
