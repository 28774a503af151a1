package io.dossiersync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process measured as a user sees it: wall time, CPU time (user + system) and peak RSS
 * from {@code /usr/bin/time}, its exit code and its standard output. A floor process may report its
 * own set-up (loading the rows it is to write or send) on a {@code preload <wall-ns> <cpu-ns>}
 * line; {@link #minusPreload} takes it off, so the floor times only the work it stands for.
 *
 * @param wallNanos wall time
 * @param cpuNanos user + system CPU time
 * @param peakRssKb peak resident set size (VmHWM), in KiB
 * @param exit the exit code
 * @param out what the process printed on standard output
 */
record MeasuredRun(long wallNanos, long cpuNanos, long peakRssKb, int exit, String out) {

  /** Where {@code time -v}'s figures come from; the harness needs it. */
  static final Path TIME = Path.of("/usr/bin/time");

  /**
   * Runs {@code command} under {@code /usr/bin/time} and waits at most {@code timeoutSeconds}.
   *
   * @throws IllegalStateException when it runs over the time or {@code time} prints no figures
   */
  static MeasuredRun run(
      List<String> command, Map<String, String> env, Path scratch, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path figures = Files.createTempFile(scratch, "time", ".txt");
    Path out = Files.createTempFile(scratch, "out", ".txt");
    List<String> timed =
        new ArrayList<>(List.of(TIME.toString(), "-f", "%e %U %S %M", "-o", figures.toString()));
    timed.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(timed)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("still running after " + timeoutSeconds + " s: " + command);
    }
    String[] f =
        Files.readString(figures).strip().lines().reduce((a, b) -> b).orElse("").split(" ");
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(figures);
    Files.delete(out);
    if (f.length != 4) {
      throw new IllegalStateException("no figures from /usr/bin/time for " + command);
    }
    long wall = seconds(f[0]);
    long cpu = seconds(f[1]) + seconds(f[2]);
    return new MeasuredRun(wall, cpu, Long.parseLong(f[3]), process.exitValue(), stdout);
  }

  private static long seconds(String value) {
    return Math.round(Double.parseDouble(value) * 1e9);
  }

  /** The same run without the floor's reported set-up (zero when it reported none). */
  MeasuredRun minusPreload() {
    for (String line : out.lines().toList()) {
      if (line.startsWith("preload ")) {
        String[] parts = line.split(" ");
        return new MeasuredRun(
            wallNanos - Long.parseLong(parts[1]),
            cpuNanos - Long.parseLong(parts[2]),
            peakRssKb,
            exit,
            out);
      }
    }
    return this;
  }

  /** Peak RSS in MB (10^6 bytes). */
  double peakRssMb() {
    return peakRssKb * 1024 / 1e6;
  }
}
