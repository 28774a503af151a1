package io.dossiersync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code watch-idle <kitty-specs> [seconds=60] [dossier=./dossier] [rescan-seconds=300]}: the CPU
 * of {@code dossier watch} while nothing changes and nothing is due (PRODUCT.md §6, issue 19).
 * Copies the corpus's checkout to a scratch directory, starts a {@link ReceiverMain} process and
 * {@code ./dossier watch <copy> --json} as a user runs it (the launcher execs the JVM, so the
 * child's pid is the JVM's), waits until the first sync is delivered (every feature reported, then
 * a drain round with nothing pending), lets it settle, and reads the child's user + system CPU time
 * from {@code /proc/PID/stat} over the idle window. Prints the CPU of the first sync and of the
 * window, and the window's verdict against 1% of one core; then stops the child with SIGTERM and
 * prints its exit code and stop time.
 */
final class WatchIdleScenario {

  /** Time between the first delivery and the window: the last drain round, JIT queues, GC. */
  private static final long SETTLE_MS = 10_000;

  private static final long FIRST_SYNC_TIMEOUT_S = 600;
  private static final Pattern PENDING =
      Pattern.compile(
          "\"pending\"\\s*:\\s*\\{\\s*\"events\"\\s*:\\s*(\\d+)\\s*,\\s*\"bodies\"\\s*:\\s*(\\d+)");

  private WatchIdleScenario() {}

  static boolean run(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("watch-idle needs the kitty-specs directory");
    }
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    int seconds = Figures.intArg(args, 1, 60, "seconds");
    Path dossier = Path.of(args.length > 2 ? args[2] : "./dossier").toAbsolutePath().normalize();
    int rescanSeconds = Figures.intArg(args, 3, 300, "rescan-seconds");
    Figures figures = new Figures("watch-idle");
    if (!Files.isDirectory(corpus)
        || !Files.isExecutable(dossier)
        || !Files.isReadable(Path.of("/proc/self/stat"))) {
      figures.line(
          "skipped", "needs the corpus (%s), the launcher (%s) and /proc", corpus, dossier);
      return true;
    }
    Path scratch = Files.createTempDirectory("dossier-bench-watch");
    try {
      return measure(figures, corpus, dossier, scratch, seconds, rescanSeconds);
    } finally {
      deleteTree(scratch);
    }
  }

  private static boolean measure(
      Figures figures, Path corpus, Path dossier, Path scratch, int seconds, int rescanSeconds)
      throws Exception {
    // The launcher builds its jar when stale: do that (and warm the page cache) unmeasured.
    new ProcessBuilder(dossier.toString(), "--version")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(600, TimeUnit.SECONDS);
    Path checkout = scratch.resolve("checkout");
    copyTree(corpus.getParent(), checkout);
    Path specs = checkout.resolve(corpus.getFileName());
    long features;
    try (Stream<Path> dirs = Files.list(specs)) {
      features = dirs.filter(Files::isDirectory).count();
    }
    long tick = ProcCpu.ticksPerSecond();
    figures.line(
        "workload",
        "%d features of %s (copied), window %d s after %d s of settling,"
            + " --rescan-seconds %d, launcher %s, load %s",
        features,
        corpus,
        seconds,
        SETTLE_MS / 1000,
        rescanSeconds,
        dossier,
        ProcCpu.load());
    List<String> java =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC",
            "-cp",
            BenchJar.path());
    try (ReceiverProcess receiver = ReceiverProcess.start(java, 0)) {
      ProcessBuilder builder =
          new ProcessBuilder(
                  dossier.toString(),
                  "watch",
                  specs.toString(),
                  "--json",
                  "--rescan-seconds",
                  String.valueOf(rescanSeconds),
                  "--db",
                  scratch.resolve("queue.db").toString(),
                  "--server",
                  receiver.baseUri())
              .redirectError(scratch.resolve("watch-stderr.txt").toFile());
      builder.environment().put("DOSSIER_TOKEN", "bench-token");
      long started = System.nanoTime();
      Process watch = builder.start();
      List<String> out = collect(watch);
      try {
        String delivered = awaitFirstDelivery(watch, out, features);
        long firstWall = System.nanoTime() - started;
        long firstTicks = ProcCpu.ticks(watch.pid());
        figures.line(
            "first sync",
            "delivered after %.1f s wall, %.2f s CPU (%s), RSS %d MB",
            firstWall / 1e9,
            (double) firstTicks / tick,
            delivered,
            ProcCpu.rssKb(watch.pid()) / 1024);
        Thread.sleep(SETTLE_MS);
        int linesBefore = out.size();
        long ticks0 = ProcCpu.ticks(watch.pid());
        long wall0 = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        long ticks = ProcCpu.ticks(watch.pid()) - ticks0;
        long wall = System.nanoTime() - wall0;
        double percent = 100.0 * ticks / tick / (wall / 1e9);
        figures.line(
            "idle",
            "%.3f%% of one core (%d ticks of 1/%d s in %.1f s), %d output"
                + " line(s) in the window, RSS %d MB, load %s",
            percent,
            ticks,
            tick,
            wall / 1e9,
            out.size() - linesBefore,
            ProcCpu.rssKb(watch.pid()) / 1024,
            ProcCpu.load());
        figures.verdict(
            "idle below 1% of one core",
            percent < 1.0, String.format(Locale.ROOT, "(%.3f%%)", percent));
      } finally {
        long stopAsked = System.nanoTime();
        watch.destroy();
        boolean ended = watch.waitFor(20, TimeUnit.SECONDS);
        if (!ended) {
          watch.destroyForcibly();
        }
        figures.line(
            "stop",
            "SIGTERM: %s after %d ms",
            ended ? "exit " + watch.exitValue() : "still running, killed",
            (System.nanoTime() - stopAsked) / 1_000_000);
      }
    }
    return figures.allMet();
  }

  /**
   * Waits until every feature was reported (synced or refused) and then a drain round ended with
   * nothing pending.
   *
   * @return that drain line's pending figures
   */
  private static String awaitFirstDelivery(Process watch, List<String> out, long features)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_SYNC_TIMEOUT_S);
    while (System.nanoTime() < deadline) {
      long reported = 0;
      for (String line : out) {
        if (line.startsWith("{\"feature\"")) {
          reported++;
        } else if (reported >= features && line.startsWith("{\"drain\"")) {
          Matcher m = PENDING.matcher(line);
          if (m.find() && m.group(1).equals("0") && m.group(2).equals("0")) {
            return reported + " features reported, nothing pending";
          }
        }
      }
      if (!watch.isAlive()) {
        throw new IllegalStateException(
            "dossier watch exited " + watch.exitValue() + " before delivering the first sync");
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the first sync was not delivered within "
            + FIRST_SYNC_TIMEOUT_S
            + " s; last lines: "
            + out.subList(Math.max(0, out.size() - 3), out.size()));
  }

  /** The child's stdout lines, read by a named daemon thread of the harness. */
  private static List<String> collect(Process process) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the pipe closes when the child ends
              }
            },
            "watch-idle-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = walk.sorted().toList();
    }
    for (Path source : paths) {
      Path target = to.resolve(from.relativize(source).toString());
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.copy(source, target);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = new ArrayList<>(walk.sorted().toList());
    }
    for (int i = paths.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(paths.get(i));
    }
  }
}
