package io.dossiersync.core.drain;

/**
 * Receives what a drain did (PRODUCT.md §5, FR-012): one call per task result and one per drain
 * round. Both methods default to doing nothing, so {@link #noop()} and partial implementations
 * are one-liners.
 *
 * <p>Calls come from the drain's worker threads, several at once: implementations are
 * thread-safe and quick. An exception thrown by a listener is caught and logged by the drain; it
 * never changes what happens to the task.
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
   * A listener that ignores everything: the default.
   *
   * @return the no-op listener
   */
  static DrainListener noop() {
    return new DrainListener() {};
  }
}
