package io.dossiersync.cli;

import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.drain.TaskStatus;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * Progress lines on stderr for long runs: one per feature when several are synced (or when one has
 * hundreds of artifacts), and one every couple of seconds while a drain sends bodies. Never on
 * stdout, so {@code --json} stays clean.
 */
final class Progress implements DrainListener {

  private static final long DRAIN_LINE_EVERY_MILLIS = 2_000;

  private final PrintStream err;
  private final boolean enabled;
  private final Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
  private long lastLineAt = System.nanoTime();
  private long tasks;

  Progress(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Features with at least this many artifacts are reported even when alone. */
  static final int LARGE_FEATURE_ARTIFACTS = 100;

  void feature(int index, int total, String slug, int artifacts) {
    if (enabled || artifacts >= LARGE_FEATURE_ARTIFACTS) {
      err.printf("[%d/%d] %s: %d artifacts%n", index, total, slug, artifacts);
    }
  }

  @Override
  public synchronized void onTask(TaskResult result) {
    counts.merge(result.status(), 1L, Long::sum);
    tasks++;
    long now = System.nanoTime();
    if (enabled && (now - lastLineAt) / 1_000_000 >= DRAIN_LINE_EVERY_MILLIS) {
      lastLineAt = now;
      err.println("drained " + tasks + " tasks so far " + describe());
    }
  }

  private String describe() {
    StringBuilder text = new StringBuilder("(");
    counts.forEach(
        (status, n) -> {
          if (text.length() > 1) {
            text.append(", ");
          }
          text.append(n).append(' ').append(status.wireName());
        });
    return text.append(')').toString();
  }
}
