package io.dossiersync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cli <kitty-specs> [rounds=5] [dossier=./dossier] [latency-ms=0]}: the {@code dossier}
 * command as a user runs it (the launcher, JVM start included), each command a fresh process,
 * against cold floor processes, alternating rounds (STYLE rule 18, PRODUCT.md §8). Each round:
 * {@code sync <corpus> --no-drain --json} into a fresh queue and the cold sync floor ({@link
 * SyncFloorMain}); {@code status} on that full queue; {@code --help}; {@code drain --until-empty}
 * of that queue to a fresh {@link ReceiverMain} process and the cold bare-HttpClient floor ({@link
 * HttpFloorMain}, same concurrency, its own fresh receiver). Round 0 warms the page cache and
 * writes the reference queue the floors load; it is not counted. With a latency, the drain then
 * runs once more at {@code --concurrency} 4 and 16 against a receiver adding that many milliseconds
 * per answer, and so does the bare floor at the same concurrency (printed as context: the target is
 * absolute). Prints wall, CPU and peak RSS per command, ratios, and verdicts.
 */
final class CliScenario {

  /** The launcher's flags for a short-lived command, given to the floors too (fair floors). */
  static final List<String> FLOOR_JVM =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms64m",
          "-Xmn48m",
          "-Xmx512m",
          "-XX:-UsePerfData",
          "-XX:TieredStopAtLevel=1");

  private static final Pattern UPLOADED = Pattern.compile("\"uploaded\"\\s*:\\s*(\\d+)");
  private static final long TIMEOUT_S = 600;

  private final Path corpus;
  private final Path dossier;
  private final Path scratch;
  private final List<String> java;
  private final Map<String, List<MeasuredRun>> series = new LinkedHashMap<>();

  private CliScenario(Path corpus, Path dossier, Path scratch, List<String> java) {
    this.corpus = corpus;
    this.dossier = dossier;
    this.scratch = scratch;
    this.java = java;
  }

  static boolean run(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("cli needs the kitty-specs directory");
    }
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    int rounds = Figures.intArg(args, 1, 5, "rounds");
    Path dossier = Path.of(args.length > 2 ? args[2] : "./dossier").toAbsolutePath().normalize();
    long latencyMs = args.length > 3 ? Long.parseLong(args[3]) : 0;
    Figures figures = new Figures("cli");
    if (!Files.isDirectory(corpus)
        || !Files.isExecutable(dossier)
        || !Files.isExecutable(MeasuredRun.TIME)) {
      figures.line(
          "skipped",
          "needs the corpus (%s), the launcher (%s) and /usr/bin/time" + " (apt-get install time)",
          corpus,
          dossier);
      return true;
    }
    Path scratch = Files.createTempDirectory("dossier-bench-cli");
    List<String> java =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    CliScenario scenario = new CliScenario(corpus, dossier, scratch, java);
    return scenario.measure(figures, rounds, latencyMs);
  }

  private boolean measure(Figures figures, int rounds, long latencyMs) throws Exception {
    Path reference = scratch.resolve("reference.db");
    figures.line(
        "workload",
        "%s, %d counted rounds after 1 warm-up, launcher %s, floors with %s, receivers %s",
        corpus,
        rounds,
        dossier,
        String.join(" ", floorJvm()),
        ReceiverProcess.mode());
    for (int round = 0; round <= rounds; round++) {
      figures.line("round " + round, "load %s", ProcCpu.load());
      boolean floorFirst = round % 2 == 0;
      Path db = scratch.resolve("queue-" + round + ".db");
      if (round == 0) {
        expectOk(
            product(
                "warm-up",
                List.of("sync", corpus.toString(), "--no-drain", "--json", "--db", db.toString()),
                Map.of()));
        Files.copy(db, reference, StandardCopyOption.REPLACE_EXISTING);
        delete(db);
        continue;
      }
      if (floorFirst) {
        syncFloor(reference, round);
      }
      expectOk(
          product(
              "sync",
              List.of("sync", corpus.toString(), "--no-drain", "--json", "--db", db.toString()),
              Map.of()));
      if (!floorFirst) {
        syncFloor(reference, round);
      }
      expectOk(product("status", List.of("status", "--db", db.toString()), Map.of()));
      expectOk(product("help", List.of("--help"), Map.of()));
      if (floorFirst) {
        drainFloor(reference, 4, 0, "floor-drain");
      }
      drain(db, 4, 0, "drain");
      if (!floorFirst) {
        drainFloor(reference, 4, 0, "floor-drain");
      }
      delete(db);
    }
    CliFigures report = new CliFigures(figures, series);
    report.print();
    report.ratio("sync", "floor-sync", 1.5);
    report.ratio("drain", "floor-drain", 1.5);
    report.atMost("status", 0.5);
    report.atMost("help", 0.3);
    for (String command : List.of("sync", "status", "help", "drain")) {
      report.rssAtMost(command, 150);
    }
    if (latencyMs > 0) {
      for (int concurrency : new int[] {4, 16}) {
        Path db = scratch.resolve("latency-" + concurrency + ".db");
        Files.copy(reference, db, StandardCopyOption.REPLACE_EXISTING);
        String name = "drain-" + latencyMs + "ms-c" + concurrency;
        MeasuredRun run = drain(db, concurrency, latencyMs, name);
        delete(db);
        report.throughput(name, uploaded(run), run, 0.9 * concurrency * 1000.0 / latencyMs);
        drainFloor(reference, concurrency, latencyMs, "floor-" + name);
        report.floorThroughput("floor-" + name, uploaded(run));
      }
    }
    delete(reference);
    Files.deleteIfExists(scratch);
    return figures.allMet();
  }

  private void syncFloor(Path reference, int round) throws Exception {
    Path floorDb = scratch.resolve("floor-" + round + ".db");
    expectOk(
        record(
            "floor-sync",
            MeasuredRun.run(
                    floorCommand(
                        SyncFloorMain.class,
                        corpus.toString(),
                        reference.toString(),
                        floorDb.toString()),
                    Map.of(),
                    scratch,
                    TIMEOUT_S)
                .minusPreload()));
    delete(floorDb);
  }

  private MeasuredRun drain(Path db, int concurrency, long latencyMs, String name)
      throws Exception {
    try (ReceiverProcess receiver = ReceiverProcess.start(receiverJava(), latencyMs)) {
      MeasuredRun run =
          product(
              name,
              List.of(
                  "drain",
                  "--until-empty",
                  "--max-time",
                  "590",
                  "--json",
                  "--concurrency",
                  String.valueOf(concurrency),
                  "--db",
                  db.toString(),
                  "--server",
                  receiver.baseUri()),
              Map.of("DOSSIER_TOKEN", "bench-token"));
      expectOk(run);
      return run;
    }
  }

  private void drainFloor(Path reference, int concurrency, long latencyMs, String name)
      throws Exception {
    try (ReceiverProcess receiver = ReceiverProcess.start(receiverJava(), latencyMs)) {
      expectOk(
          record(
              name,
              MeasuredRun.run(
                      floorCommand(
                          HttpFloorMain.class,
                          reference.toString(),
                          receiver.baseUri(),
                          String.valueOf(concurrency)),
                      Map.of(),
                      scratch,
                      TIMEOUT_S)
                  .minusPreload()));
    }
  }

  private MeasuredRun product(String name, List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(dossier.toString()));
    command.addAll(args);
    return record(name, MeasuredRun.run(command, env, scratch, TIMEOUT_S));
  }

  private MeasuredRun record(String name, MeasuredRun run) {
    if (!name.equals("warm-up")) {
      series.computeIfAbsent(name, k -> new ArrayList<>()).add(run);
    }
    return run;
  }

  private List<String> floorJvm() {
    List<String> flags = new ArrayList<>(FLOOR_JVM);
    String extra = System.getenv("DOSSIER_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      flags.addAll(List.of(extra.strip().split("\\s+")));
    }
    return flags;
  }

  private List<String> floorCommand(Class<?> main, String... args) {
    List<String> command = new ArrayList<>(java);
    command.addAll(floorJvm());
    command.addAll(List.of("-cp", BenchJar.path(), main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private List<String> receiverJava() {
    List<String> command = new ArrayList<>(java);
    command.addAll(List.of("-XX:+UseSerialGC", "-cp", BenchJar.path()));
    return command;
  }

  private static void expectOk(MeasuredRun run) {
    if (run.exit() != 0) {
      throw new IllegalStateException(
          "a measured process exited " + run.exit() + ": " + run.out().lines().limit(5).toList());
    }
  }

  static long uploaded(MeasuredRun run) {
    Matcher m = UPLOADED.matcher(run.out());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static void delete(Path db) throws IOException {
    BenchTasks.deleteQueueFile(db);
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%d", nanos / 1_000_000);
  }
}
