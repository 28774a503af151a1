package io.dossiersync.bench;

import com.sun.management.OperatingSystemMXBean;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.QueueStore;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code client-cpu [N=20000] [rounds=5]} (issue 17, PRODUCT.md §8): the client's CPU per delivered
 * body, the receiver in another process. In this JVM, N queued 4 KiB bodies are drained by the
 * {@code DrainEngine} over SQLite and the HTTP transports, and the same bodies, pre-encoded, are
 * posted by the bare HttpClient loop ({@link BareLoop}) at the same concurrency (1, then 4); each
 * run gets a fresh reference receiver process (index entries optional, no added latency), so the
 * receiver's CPU is not this process's. Measured: this process's CPU time (all its threads, JIT and
 * GC included) over the run, divided by N. Two warm-up rounds per side, then the median of {@code
 * rounds} alternating rounds. Target: dossier at most 1.3x the bare loop's CPU per body.
 */
final class ClientCpuScenario {

  private static final double TARGET = 1.3;

  /**
   * Rounds per side before the counted ones: enough for the JIT to settle on both code paths, so
   * that a counted round measures the warm client, not its compilation.
   */
  private static final int WARM_UP_ROUNDS = 2;

  /** Kernel-mode ticks summed over the runs of each side (bare, dossier), for the diagnostic. */
  private ClientCpuScenario() {}

  static boolean run(String[] args) throws Exception {
    int n = Figures.intArg(args, 0, 20_000, "N");
    int rounds = Figures.intArg(args, 1, 5, "rounds");
    List<BodyUploadTask> tasks = BenchTasks.tasks(0, n);
    List<byte[]> requests = BareLoop.requests(tasks);
    List<String> java =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC",
            "-cp",
            BenchJar.path());
    Path dir = Files.createTempDirectory("dossier-bench-client-cpu");
    Figures figures = new Figures("client-cpu");
    figures.line(
        "workload",
        "%d bodies of %d bytes, receiver in its own process, %d warm-up"
            + " rounds + %d rounds per side, load %s",
        n,
        BenchTasks.BODY_BYTES,
        WARM_UP_ROUNDS,
        rounds,
        ProcCpu.load());
    for (int concurrency : new int[] {1, 4}) {
      List<Long> bare = new ArrayList<>();
      List<Long> ours = new ArrayList<>();
      // Kernel-mode ticks and JIT+GC milliseconds summed over this concurrency's runs: bare,
      // dossier.
      long[] sysTicks = new long[2];
      long[] jitGcMs = new long[2];
      for (int round = 1 - WARM_UP_ROUNDS; round <= rounds; round++) {
        boolean bareFirst = Math.floorMod(round, 2) == 0;
        long bareCpu = 0;
        long ourCpu = 0;
        for (int side = 0; side < 2; side++) {
          if ((side == 0) == bareFirst) {
            bareCpu = bare(java, requests, concurrency, sysTicks, jitGcMs);
          } else {
            Path db = dir.resolve("client-cpu-" + concurrency + "-" + round + ".db");
            ourCpu =
                drain(java, BenchTasks.openStore(db, n), tasks, concurrency, sysTicks, jitGcMs);
            BenchTasks.deleteQueueFile(db);
          }
        }
        if (round > 0) {
          bare.add(bareCpu);
          ours.add(ourCpu);
        }
      }
      double barePerBody = Figures.median(bare) / 1e3 / n;
      double ourPerBody = Figures.median(ours) / 1e3 / n;
      figures.line(
          "bare-c" + concurrency,
          "%.1f µs CPU per body (runs µs %s)",
          barePerBody,
          perBody(bare, n));
      figures.line(
          "dossier-c" + concurrency,
          "%.1f µs CPU per body (runs µs %s)",
          ourPerBody,
          perBody(ours, n));
      figures.line(
          "diagnostic kernel-c" + concurrency,
          "bare %.1f s, dossier %.1f s in kernel mode"
              + " over all %d rounds per side (warm-up included); JIT compilation + GC time bare %.1f s, dossier %.1f s",
          sysTicks[0] / 100.0,
          sysTicks[1] / 100.0,
          rounds + WARM_UP_ROUNDS,
          jitGcMs[0] / 1e3,
          jitGcMs[1] / 1e3);
      figures.ratio(
          "dossier/bare CPU per body c=" + concurrency, ourPerBody / barePerBody, TARGET, true, "");
    }
    Files.deleteIfExists(dir);
    return figures.allMet();
  }

  /** This process's CPU time in nanoseconds, all threads. */
  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** This process's kernel-mode CPU time in clock ticks (/proc/self/stat), 0 where unknown. */
  static long jitAndGcMillis() {
    long gc = 0;
    for (java.lang.management.GarbageCollectorMXBean b :
        ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, b.getCollectionTime());
    }
    return gc + ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  static long systemTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[12]);
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long bare(
      List<String> java, List<byte[]> requests, int concurrency, long[] sysTicks, long[] jitGcMs)
      throws Exception {
    try (ReceiverProcess receiver = ReceiverProcess.start(java, 0, false)) {
      long start = cpuNanos();
      long sys = systemTicks();
      long jit = jitAndGcMillis();
      BareLoop.post(URI.create(receiver.baseUri()), requests, concurrency);
      sysTicks[0] += systemTicks() - sys;
      jitGcMs[0] += jitAndGcMillis() - jit;
      return cpuNanos() - start;
    }
  }

  /** Enqueues the tasks (not measured), drains them until empty, returns the drain's CPU. */
  private static long drain(
      List<String> java,
      QueueStore fresh,
      List<BodyUploadTask> tasks,
      int concurrency,
      long[] sysTicks,
      long[] jitGcMs)
      throws Exception {
    try (ReceiverProcess receiver = ReceiverProcess.start(java, 0, false);
        QueueStore store = fresh) {
      store.bodies().enqueue(tasks, Instant.now());
      try (LoopbackDrainer drainer =
          new LoopbackDrainer(store, URI.create(receiver.baseUri()), concurrency)) {
        long start = cpuNanos();
        long sys = systemTicks();
        long jit = jitAndGcMillis();
        DrainReport report = drainer.engine().drainUntilEmpty(Duration.ofMinutes(30));
        long cpu = cpuNanos() - start;
        sysTicks[1] += systemTicks() - sys;
        jitGcMs[1] += jitAndGcMillis() - jit;
        if (report.bodiesUploaded() != tasks.size()) {
          throw new IllegalStateException("drain did not deliver every body: " + report.summary());
        }
        return cpu;
      }
    }
  }

  private static String perBody(List<Long> nanos, int n) {
    return nanos.stream()
        .map(c -> String.format(java.util.Locale.ROOT, "%.1f", c / 1e3 / n))
        .toList()
        .toString();
  }
}
