package io.dossiersync.bench;

import io.dossiersync.receiver.ReferenceReceiver;
import java.util.Arrays;
import java.util.Locale;

/**
 * Entry point of {@code java -jar dossier-bench.jar <scenario> [args]}. Scenarios: {@code cli
 * <kitty-specs-dir> [rounds] [dossier] [latency-ms]}, {@code sync-corpus <kitty-specs-dir>
 * [rounds]}, {@code drain [N] [rounds]}, {@code client-cpu [N] [rounds]}, {@code heap [N]
 * [timeout-minutes]}, {@code idle [seconds]}, {@code watch-idle <kitty-specs-dir> [seconds]
 * [dossier] [rescan-seconds]}, {@code claim [kitty-specs-dir|-] [rounds] [N] [synchronous_commit]},
 * and {@code jmh [JMH options]} for the micro-benchmarks. Each macro scenario prints one line per
 * figure on standard output; the process exits 0 when every target was met, 1 when one was missed,
 * 2 on a usage error.
 */
public final class BenchMain {

  private BenchMain() {}

  /**
   * Runs a scenario.
   *
   * @param args the scenario name and its arguments
   * @throws Exception when a scenario cannot run (no corpus, a port taken, a child JVM failing)
   */
  public static void main(String[] args) throws Exception {
    if (System.getProperty(ReferenceReceiver.NODELAY_PROPERTY) == null) {
      System.setProperty(ReferenceReceiver.NODELAY_PROPERTY, "true");
    }
    // The harness times the code as it runs in production: INFO summaries off, warnings on.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    boolean met;
    switch (args[0].toLowerCase(Locale.ROOT)) {
      case "cli" -> met = CliScenario.run(rest);
      case "sync-corpus" -> met = SyncCorpusScenario.run(rest);
      case "drain" -> met = DrainScenario.run(rest);
      case "client-cpu" -> met = ClientCpuScenario.run(rest);
      case "heap" -> met = HeapScenario.run(rest);
      case "heap-child" -> met = HeapScenario.child(rest);
      case "idle" -> met = IdleScenario.run(rest);
      case "watch-idle" -> met = WatchIdleScenario.run(rest);
      case "claim" -> met = ClaimScenario.run(rest);
      case "jmh" -> {
        org.openjdk.jmh.Main.main(rest);
        return;
      }
      default -> {
        usage();
        System.exit(2);
        return;
      }
    }
    System.exit(met ? 0 : 1);
  }

  private static void usage() {
    System.err.println(
        "usage: java -jar dossier-bench.jar <scenario> [args]\n"
            + "  cli <kitty-specs-dir> [rounds=5] [dossier=./dossier] [latency-ms=0]\n"
            + "      ./dossier sync/status/--help/drain as fresh processes vs cold floor processes\n"
            + "  sync-corpus <kitty-specs-dir> [rounds=3]  index+events+enqueue vs read+SHA-256+JDBC\n"
            + "  drain [N=5000] [rounds=3]                 drain to a loopback receiver vs bare HttpClient\n"
            + "  client-cpu [N=20000] [rounds=5]           client CPU per body, receiver in its own process\n"
            + "  heap [N=100000] [timeout-minutes=30]      drain N tasks in a child JVM with -Xmx128m\n"
            + "  idle [seconds=30]                         CPU of a BackgroundSync whose tasks wait\n"
            + "  watch-idle <kitty-specs-dir> [seconds=60] [dossier=./dossier] [rescan-seconds=300]\n"
            + "      CPU of a ./dossier watch process while nothing changes, after its first sync\n"
            + "  claim [kitty-specs-dir|-] [rounds=3] [N=20000] [synchronous_commit=off]\n"
            + "      claim 64 + complete, 1 and 4 drainers, SQLite vs embedded PostgreSQL\n"
            + "  jmh [JMH options]                         the micro-benchmarks (e.g. -f 1 -wi 2 -i 3)");
  }
}
