package io.dossiersync.bench;

import java.lang.management.ManagementFactory;

/**
 * The set-up clock of a cold floor process: a floor loads the rows it is to write or send before it
 * starts the work it stands for, and prints {@code preload <wall-ns> <cpu-ns>} so the harness
 * ({@link MeasuredRun#minusPreload}) times only that work. Not thread-safe; one per process.
 */
final class ColdFloor {

  private final long wallStart = System.nanoTime();
  private final long cpuStart = processCpuNanos();

  /** Prints the set-up's wall and CPU time since this object was made. */
  void preloaded() {
    System.out.println(
        "preload " + (System.nanoTime() - wallStart) + " " + (processCpuNanos() - cpuStart));
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
