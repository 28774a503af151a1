package io.dossiersync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What Linux's {@code /proc} says of another process while it runs: its CPU time so far (user +
 * system, {@code /proc/PID/stat} fields 14 and 15, in clock ticks), its resident set, and the
 * machine's load. Stateless.
 */
final class ProcCpu {

  private static final long DEFAULT_TICKS = 100;

  private ProcCpu() {}

  /** The process's user + system CPU time so far, in clock ticks. */
  static long ticks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    // The command name (field 2) may hold spaces: count the fields after its closing ')'.
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(after[11]) + Long.parseLong(after[12]);
  }

  /** The process's resident set ({@code VmRSS}), in KiB; -1 when {@code /proc} does not say. */
  static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** Clock ticks per second ({@code getconf CLK_TCK}); 100, Linux's usual value, if unknown. */
  static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String value = new String(getconf.getInputStream().readAllBytes()).strip();
      getconf.waitFor(10, TimeUnit.SECONDS);
      return value.matches("[0-9]+") ? Long.parseLong(value) : DEFAULT_TICKS;
    } catch (IOException e) {
      return DEFAULT_TICKS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DEFAULT_TICKS;
    }
  }

  /** The load averages and run-queue figures of {@code /proc/loadavg}. */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
