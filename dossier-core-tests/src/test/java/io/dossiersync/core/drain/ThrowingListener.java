package io.dossiersync.core.drain;

/** A listener with a bug: every callback throws {@code IllegalStateException("listener bug")}. */
final class ThrowingListener implements DrainListener {

  @Override
  public void onTask(TaskResult result) {
    throw new IllegalStateException("listener bug");
  }

  @Override
  public void onDrain(DrainReport report) {
    throw new IllegalStateException("listener bug");
  }
}
