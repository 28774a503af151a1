package io.dossiersync.core.drain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records task results and drain reports; waits for one with a message listing what came. */
final class RecordingListener implements DrainListener {

  final List<TaskResult> tasks = new CopyOnWriteArrayList<>();
  final List<DrainReport> drains = new CopyOnWriteArrayList<>();

  @Override
  public void onTask(TaskResult result) {
    tasks.add(result);
  }

  @Override
  public void onDrain(DrainReport report) {
    drains.add(report);
  }

  /** Waits up to 10 s until {@code count} task results match. */
  void awaitTasks(Predicate<TaskResult> match, int count) throws InterruptedException {
    Eventually.until(
        () -> tasks.stream().filter(match).count() >= count,
        () -> "expected " + count + " matching task results, got " + tasks);
  }

  /** Waits up to 10 s until {@code count} drains ended. */
  void awaitDrains(int count) throws InterruptedException {
    Eventually.until(
        () -> drains.size() >= count, () -> "expected " + count + " drains, got " + drains);
  }
}
