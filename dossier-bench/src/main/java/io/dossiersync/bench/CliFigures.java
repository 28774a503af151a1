package io.dossiersync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of the {@code cli} scenario: per command the median wall and CPU time, every round's
 * wall time and the peak RSS; ratios of product to floor medians with the per-round ratios; and the
 * absolute targets. Not thread-safe.
 */
final class CliFigures {

  private final Figures figures;
  private final Map<String, List<MeasuredRun>> series;

  CliFigures(Figures figures, Map<String, List<MeasuredRun>> series) {
    this.figures = figures;
    this.series = series;
  }

  /** One line per measured command. */
  void print() {
    series.forEach(
        (name, runs) ->
            figures.line(
                name,
                "wall median %s ms (runs %s), CPU median %s"
                    + " ms (runs %s), peak RSS max %.0f MB (runs %s)",
                CliScenario.ms(medianWall(runs)),
                millis(runs, true),
                CliScenario.ms(medianCpu(runs)),
                millis(runs, false),
                maxRss(runs),
                runs.stream()
                    .map(r -> String.format(Locale.ROOT, "%.0f", r.peakRssMb()))
                    .toList()));
  }

  /** Product over floor, wall (the target) and CPU, with the per-round wall ratios. */
  void ratio(String product, String floor, double target) {
    List<MeasuredRun> ours = series.get(product);
    List<MeasuredRun> base = series.get(floor);
    List<String> paired = new ArrayList<>();
    for (int i = 0; i < Math.min(ours.size(), base.size()); i++) {
      paired.add(
          String.format(
              Locale.ROOT, "%.2f", (double) ours.get(i).wallNanos() / base.get(i).wallNanos()));
    }
    double cpu = (double) medianCpu(ours) / medianCpu(base);
    figures.ratio(
        product + "/" + floor + " wall",
        (double) medianWall(ours) / medianWall(base),
        target,
        true,
        String.format(Locale.ROOT, "(medians; per round %s; CPU %.2fx)", paired, cpu));
  }

  /** The command's median wall time is at most {@code seconds}. */
  void atMost(String command, double seconds) {
    List<MeasuredRun> runs = series.get(command);
    double wall = medianWall(runs) / 1e9;
    figures.verdict(
        command + " wall <= " + seconds + " s",
        wall <= seconds,
        String.format(Locale.ROOT, "(median %.2f s, CPU %.2f s)", wall, medianCpu(runs) / 1e9));
  }

  /** Every run of the command peaked at most {@code mb} MB resident. */
  void rssAtMost(String command, double mb) {
    double max = maxRss(series.get(command));
    figures.verdict(
        command + " peak RSS <= " + (int) mb + " MB",
        max <= mb,
        String.format(Locale.ROOT, "(max %.0f MB)", max));
  }

  /** Whole-process bodies per second of one drain against its target. */
  void throughput(String name, long bodies, MeasuredRun run, double target) {
    double rate = bodies / (run.wallNanos() / 1e9);
    figures.verdict(
        name + " >= " + Math.round(target) + " bodies/s",
        rate >= target,
        String.format(
            Locale.ROOT,
            "(%d bodies in %.1f s wall incl. JVM start and events ="
                + " %.0f bodies/s; CPU %.1f s; peak RSS %.0f MB)",
            bodies,
            run.wallNanos() / 1e9,
            rate,
            run.cpuNanos() / 1e9,
            run.peakRssMb()));
  }

  /**
   * Prints, without a verdict, the throughput of the floor recorded as {@code floor} for the same
   * bodies: what a bare HttpClient reaches against the same receiver, for reading a target.
   */
  void floorThroughput(String floor, long bodies) {
    MeasuredRun run = series.get(floor).get(0);
    figures.line(
        floor,
        "%d bodies in %.1f s wall, preload of the rows excluded = %.0f bodies/s (no target: context)",
        bodies,
        run.wallNanos() / 1e9,
        bodies / (run.wallNanos() / 1e9));
  }

  private static long medianWall(List<MeasuredRun> runs) {
    return Figures.median(runs.stream().map(MeasuredRun::wallNanos).toList());
  }

  private static long medianCpu(List<MeasuredRun> runs) {
    return Figures.median(runs.stream().map(MeasuredRun::cpuNanos).toList());
  }

  private static double maxRss(List<MeasuredRun> runs) {
    return runs.stream().mapToDouble(MeasuredRun::peakRssMb).max().orElse(0);
  }

  private static List<String> millis(List<MeasuredRun> runs, boolean wall) {
    return runs.stream().map(r -> CliScenario.ms(wall ? r.wallNanos() : r.cpuNanos())).toList();
  }
}
