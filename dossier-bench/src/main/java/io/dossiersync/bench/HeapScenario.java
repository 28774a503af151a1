package io.dossiersync.bench;

import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code heap [N] [timeout-minutes]}: enqueues N (default 100,000) 4 KiB tasks, then a child JVM
 * started with {@code -Xmx128m} drains them to a loopback reference receiver running in this
 * process (index entries not required) at the default concurrency, printing its progress and peak
 * heap every 10 s. Passes when the child exits 0 with nothing pending and the receiver stored every
 * body within the timeout (default 30 minutes). The floor is the time to enqueue the same tasks.
 */
final class HeapScenario {

  private static final String CHILD_HEAP = "-Xmx128m";
  private static final long PROGRESS_SECONDS = 10;

  private HeapScenario() {}

  static boolean run(String[] args) throws Exception {
    int n = Figures.intArg(args, 0, 100_000, "N");
    int timeoutMinutes = Figures.intArg(args, 1, 30, "timeout-minutes");
    Figures figures = new Figures("heap");
    Path dir = Files.createTempDirectory("dossier-bench-heap");
    Path db = dir.resolve("queue.db");
    long enqueueStart = System.nanoTime();
    try (SqliteQueueStore store = BenchTasks.openStore(db, n)) {
      BenchTasks.enqueue(store, n);
    }
    long enqueueNanos = System.nanoTime() - enqueueStart;
    figures.line(
        "enqueue",
        "%d tasks of %d bytes in %.1f s (%.0f bodies/s, batches of 1,000)",
        n,
        BenchTasks.BODY_BYTES,
        enqueueNanos / 1e9,
        n / (enqueueNanos / 1e9));
    try (ReferenceReceiver receiver =
        ReferenceReceiver.builder().requireIndexEntry(false).start()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Path log = dir.resolve("child.out");
      Process child =
          new ProcessBuilder(
                  java,
                  CHILD_HEAP,
                  "-XX:+ExitOnOutOfMemoryError",
                  "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                  "-cp",
                  System.getProperty("java.class.path"),
                  BenchMain.class.getName(),
                  "heap-child",
                  db.toString(),
                  receiver.baseUri().toString(),
                  String.valueOf(n),
                  String.valueOf(timeoutMinutes))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      long start = System.nanoTime();
      boolean ended = child.waitFor(timeoutMinutes, TimeUnit.MINUTES);
      long nanos = System.nanoTime() - start;
      if (!ended) {
        child.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8).strip();
      int stored = receiver.ledger().storedBodies().size();
      boolean pass = ended && child.exitValue() == 0 && stored == n;
      figures.verdict(
          "drain " + n + " tasks in " + CHILD_HEAP,
          pass,
          String.format(
              Locale.ROOT,
              "exit=%s, receiver stored %d, %.1f s (%.0f bodies/s)",
              ended ? String.valueOf(child.exitValue()) : "timeout",
              stored,
              nanos / 1e9,
              n / (nanos / 1e9)));
      figures.line("drain/enqueue time", "%.2fx", (double) nanos / enqueueNanos);
      for (String line : output.split("\n")) {
        figures.line("child", "%s", line);
      }
    } finally {
      BenchTasks.deleteQueueFile(db);
      Files.deleteIfExists(dir.resolve("child.out"));
      Files.deleteIfExists(dir);
    }
    return figures.allMet();
  }

  /** The child: drains the file to the receiver, prints its progress, report and peak heap. */
  static boolean child(String[] args) throws IOException {
    Path db = Path.of(args[0]);
    URI base = URI.create(args[1]);
    int n = Integer.parseInt(args[2]);
    int timeoutMinutes = Integer.parseInt(args[3]);
    AtomicLong done = new AtomicLong();
    DrainListener counter =
        new DrainListener() {
          @Override
          public void onTask(TaskResult result) {
            done.incrementAndGet();
          }
        };
    long start = System.nanoTime();
    ScheduledExecutorService progress =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "heap-progress");
              t.setDaemon(true);
              return t;
            });
    progress.scheduleAtFixedRate(
        () ->
            System.out.printf(
                Locale.ROOT,
                "t=%ds bodies done=%d heap used now %d MB, peak %d MB%n",
                (System.nanoTime() - start) / 1_000_000_000L,
                done.get(),
                usedHeap() >> 20,
                peakHeap() >> 20),
        PROGRESS_SECONDS,
        PROGRESS_SECONDS,
        TimeUnit.SECONDS);
    try (SqliteQueueStore store = BenchTasks.openStore(db, n);
        LoopbackDrainer drainer = new LoopbackDrainer(store, base, 4, counter)) {
      DrainReport report = drainer.engine().drainUntilEmpty(Duration.ofMinutes(timeoutMinutes));
      progress.shutdownNow();
      System.out.printf(
          Locale.ROOT,
          "max heap %d MB, peak heap used (sum of pool peaks) %d MB; %s%n",
          Runtime.getRuntime().maxMemory() >> 20,
          peakHeap() >> 20,
          report.summary());
      return report.queuesEmpty() && report.bodiesUploaded() == n;
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
