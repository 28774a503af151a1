package io.dossiersync.bench;

import io.dossiersync.core.drain.BackgroundSync;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code idle [seconds]}: 1,000 queued bodies, every one rescheduled an hour ahead (as after a
 * failure), and a started {@code BackgroundSync} over SQLite and HTTP. The process CPU time over
 * the window is measured twice in the same run: first with nothing started (the floor: the JVM and
 * an idle receiver), then with the service running. Target: the service's window below 1% of one
 * core.
 */
final class IdleScenario {

  private static final int TASKS = 1_000;

  private IdleScenario() {}

  static boolean run(String[] args) throws Exception {
    int seconds = Figures.intArg(args, 0, 30, "seconds");
    Figures figures = new Figures("idle");
    Path dir = Files.createTempDirectory("dossier-bench-idle");
    Path db = dir.resolve("queue.db");
    AtomicLong drains = new AtomicLong();
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().requireIndexEntry(false).start();
        SqliteQueueStore store = BenchTasks.openStore(db, TASKS)) {
      BenchTasks.enqueue(store, TASKS);
      Instant now = Instant.now();
      List<ClaimedBody> claimed =
          store
              .bodies()
              .claim(
                  new ClaimRequest(
                      TASKS, now, Duration.ofMinutes(1), "bench-idle", ProjectScope.all(), false));
      for (ClaimedBody body : claimed) {
        store
            .bodies()
            .settle(
                List.of(
                    Settlement.reschedule(
                        body, now.plus(Duration.ofHours(1)), "bench: in backoff", Instant.EPOCH)));
      }
      figures.line(
          "setup",
          "%d bodies queued, %d rescheduled 1 h ahead, window %d s",
          TASKS,
          claimed.size(),
          seconds);
      double floor = cpuPercent(seconds);
      figures.line("floor (nothing started)", "%.3f%% of one core", floor);
      DrainListener counter =
          new DrainListener() {
            @Override
            public void onDrain(DrainReport report) {
              drains.incrementAndGet();
            }
          };
      try (LoopbackDrainer drainer = new LoopbackDrainer(store, receiver.baseUri(), 4, counter)) {
        BackgroundSync sync = BackgroundSync.builder(drainer.engine()).build();
        sync.start();
        Thread.sleep(1_000); // the first drain runs at start; the window measures the waiting
        long before = drains.get();
        double service = cpuPercent(seconds);
        boolean stopped = sync.stop(Duration.ofSeconds(10));
        figures.line(
            "service",
            "%.3f%% of one core, %d drain round(s) in the window, stopped=%s",
            service,
            drains.get() - before,
            stopped);
        figures.verdict(
            "service below 1% of one core",
            service < 1.0,
            String.format(
                Locale.ROOT, "(%.3f%%; service minus floor %.3f%%)", service, service - floor));
      }
    } finally {
      BenchTasks.deleteQueueFile(db);
      Files.deleteIfExists(dir);
    }
    return figures.allMet();
  }

  /** Process CPU time over a window of wall time, as a percentage of one core. */
  private static double cpuPercent(int seconds) throws InterruptedException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    Thread.sleep(seconds * 1_000L);
    long cpu = os.getProcessCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    return 100.0 * cpu / wall;
  }
}
