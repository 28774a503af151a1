package io.dossiersync.bench;

import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code drain [N] [rounds]}: N queued 4 KiB bodies drained by the {@code DrainEngine} over SQLite
 * and the HTTP transports to a loopback reference receiver, at concurrency 1 and 4, against a bare
 * HttpClient 5 loop posting the same pre-encoded JSON to a fresh receiver of the same kind with the
 * same number of threads. The receiver does not require index entries (no events are queued). One
 * warm-up round, then the median of {@code rounds} alternating rounds. Targets: at least 0.8x the
 * bare loop at the same concurrency, concurrency 4 at least 3x concurrency 1. A diagnostic line
 * also drains through the testkit's {@code InMemoryQueueStore} (same engine and transports, no
 * SQLite), to tell the queue's share of the cost from the engine's and HTTP's.
 */
final class DrainScenario {

  private DrainScenario() {}

  static boolean run(String[] args) throws Exception {
    int n = Figures.intArg(args, 0, 5_000, "N");
    int rounds = Figures.intArg(args, 1, 3, "rounds");
    List<BodyUploadTask> tasks = BenchTasks.tasks(0, n);
    List<byte[]> requests = BareLoop.requests(tasks);
    Path dir = Files.createTempDirectory("dossier-bench-drain");
    Figures figures = new Figures("drain");
    figures.line(
        "workload",
        "%d bodies of %d bytes to a loopback ReferenceReceiver, 1 warm-up"
            + " round + %d rounds per side",
        n,
        BenchTasks.BODY_BYTES,
        rounds);
    double[] ourRates = new double[5];
    for (int concurrency : new int[] {1, 4}) {
      List<Long> ours = new ArrayList<>();
      List<Long> bare = new ArrayList<>();
      List<Long> memory = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        long bareNanos;
        try (ReferenceReceiver receiver =
            ReferenceReceiver.builder().requireIndexEntry(false).start()) {
          bareNanos = BareLoop.post(receiver.baseUri(), requests, concurrency);
        }
        Path db = dir.resolve("drain-" + concurrency + "-" + round + ".db");
        long ourNanos = drain(BenchTasks.openStore(db, n), tasks, concurrency);
        BenchTasks.deleteQueueFile(db);
        long memoryNanos =
            drain(InMemoryQueueStore.builder().maxQueueSize(n).build(), tasks, concurrency);
        if (round > 0) {
          bare.add(bareNanos);
          ours.add(ourNanos);
          memory.add(memoryNanos);
        }
      }
      double bareRate = n / (Figures.median(bare) / 1e9);
      double ourRate = n / (Figures.median(ours) / 1e9);
      ourRates[concurrency] = ourRate;
      figures.line(
          "bare-c" + concurrency, "%.0f bodies/s (runs ms %s)", bareRate, Figures.millis(bare));
      figures.line(
          "dossier-c" + concurrency, "%.0f bodies/s (runs ms %s)", ourRate, Figures.millis(ours));
      figures.ratio("dossier/bare c=" + concurrency, ourRate / bareRate, 0.8, false, "");
      double memoryRate = n / (Figures.median(memory) / 1e9);
      figures.line(
          "diagnostic in-memory-queue-c" + concurrency,
          "%.0f bodies/s = %.2fx bare (same engine and HTTP, no SQLite; runs ms %s)",
          memoryRate,
          memoryRate / bareRate,
          Figures.millis(memory));
    }
    figures.ratio("dossier c=4 / c=1", ourRates[4] / ourRates[1], 3.0, false, "");
    figures.line(
        "python-reference",
        "about 400 bodies/s (one request at a time, new connection"
            + " each); dossier c=1 is %.1fx that, c=4 %.1fx",
        ourRates[1] / 400,
        ourRates[4] / 400);
    Files.deleteIfExists(dir);
    return figures.allMet();
  }

  /** Enqueues the tasks into a fresh store (not timed), times drainUntilEmpty, closes it. */
  private static long drain(QueueStore fresh, List<BodyUploadTask> tasks, int concurrency) {
    try (ReferenceReceiver receiver = ReferenceReceiver.builder().requireIndexEntry(false).start();
        QueueStore store = fresh) {
      store.bodies().enqueue(tasks, Instant.now());
      try (LoopbackDrainer drainer = new LoopbackDrainer(store, receiver.baseUri(), concurrency)) {
        long start = System.nanoTime();
        DrainReport report = drainer.engine().drainUntilEmpty(Duration.ofMinutes(30));
        long nanos = System.nanoTime() - start;
        if (report.bodiesUploaded() != tasks.size()
            || receiver.ledger().storedBodies().size() != tasks.size()) {
          throw new IllegalStateException("drain did not deliver every body: " + report.summary());
        }
        return nanos;
      }
    }
  }
}
