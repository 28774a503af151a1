package io.dossiersync.bench;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.checkout.SpecKittyCheckout;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.postgres.PostgresQueueStore;
import io.dossiersync.sqlite.SqliteQueueStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code claim [kitty-specs-dir|-] [rounds=3] [N=20000] [synchronous_commit=off]}: claim + complete
 * throughput of the SQLite and the PostgreSQL store side by side, alternating, in one run (issue
 * 20). Each round, for 1 and 4 drainers (each its own store, hence its own connections, as separate
 * processes have), a fresh queue of N synthetic 4 KiB bodies is drained with the contract's batch
 * sizes: claim 64, then settle all 64 as completed in one call, until the queue is empty. When a
 * corpus is given, each round also times the enqueue of the whole corpus (index + events + enqueue,
 * what {@code dossier sync --no-drain} does) into a fresh queue of each store. PostgreSQL is an
 * embedded server (zonky's Maven-packaged binaries, as the module's tests use) whose settings are
 * printed: {@code fsync=on} (zonky's default is off, which no figure here may rest on) and {@code
 * synchronous_commit} as given (zonky's default is off, PostgreSQL's on). Target: 4 drainers at
 * least 5,000 tasks/s on PostgreSQL (medians of the rounds).
 */
final class ClaimScenario {

  private static final int BATCH = 64;
  private static final double TARGET = 5_000;
  private static final List<String> SETTINGS =
      List.of(
          "server_version",
          "synchronous_commit",
          "fsync",
          "full_page_writes",
          "wal_level",
          "shared_buffers",
          "max_connections",
          "max_wal_size",
          "checkpoint_timeout",
          "autovacuum",
          "autovacuum_vacuum_scale_factor",
          "autovacuum_naptime",
          "jit");

  private ClaimScenario() {}

  static boolean run(String[] args) throws Exception {
    Path corpus = args.length > 0 && !args[0].equals("-") ? Path.of(args[0]) : null;
    int rounds = Figures.intArg(args, 1, 3, "rounds");
    int tasks = Figures.intArg(args, 2, 20_000, "N");
    String syncCommit = args.length > 3 ? args[3] : "off";
    Figures figures = new Figures("claim");
    Path dir = Files.createTempDirectory("dossier-bench-claim");
    try (EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setServerConfig(
                "fsync", "on") // the embedded server's default is off: never measured so
            .setServerConfig("synchronous_commit", syncCommit)
            .start()) {
      String url = server.getJdbcUrl("postgres", "postgres");
      figures.line("postgres-settings", "%s", settings(server));
      figures.line("sqlite-settings", "journal_mode=WAL synchronous=NORMAL (the store's)");
      Map<String, List<Long>> perSecond = new LinkedHashMap<>();
      AtomicInteger queues = new AtomicInteger();
      for (int round = 1; round <= rounds; round++) {
        boolean postgresFirst = round % 2 == 1;
        for (int drainers : new int[] {1, 4}) {
          for (int i = 0; i < 2; i++) {
            boolean postgres = postgresFirst == (i == 0);
            int q = queues.incrementAndGet();
            Path file = dir.resolve("claim-" + q + ".db");
            Supplier<QueueStore> open =
                postgres
                    ? () ->
                        PostgresQueueStore.builder()
                            .url(url)
                            .schema("bench_" + q)
                            .maxQueueSize(Math.max(tasks, 100_000))
                            .build()
                    : () -> BenchTasks.openStore(file, tasks);
            double rate = drain(open, tasks, drainers);
            String key = (postgres ? "postgres" : "sqlite") + " drainers=" + drainers;
            perSecond.computeIfAbsent(key, k -> new ArrayList<>()).add(Math.round(rate));
            BenchTasks.deleteQueueFile(file);
          }
        }
        if (corpus != null) {
          for (int i = 0; i < 2; i++) {
            boolean postgres = postgresFirst == (i == 0);
            int q = queues.incrementAndGet();
            Path file = dir.resolve("corpus-" + q + ".db");
            long[] pass =
                enqueueCorpus(
                    corpus,
                    postgres
                        ? PostgresQueueStore.builder().url(url).schema("corpus_" + q).build()
                        : SqliteQueueStore.builder().path(file).build());
            String store = postgres ? "postgres" : "sqlite";
            perSecond
                .computeIfAbsent(store + " corpus-enqueue-ms", k -> new ArrayList<>())
                .add(pass[0] / 1_000_000);
            perSecond
                .computeIfAbsent(store + " corpus-features-refused-count", k -> new ArrayList<>())
                .add(pass[1]);
            BenchTasks.deleteQueueFile(file);
          }
        }
      }
      perSecond.forEach(
          (key, values) ->
              figures.line(
                  key,
                  "median %,d %s (rounds %s)",
                  Figures.median(values),
                  key.endsWith("-ms") ? "ms" : key.endsWith("-count") ? "" : "tasks/s",
                  values));
      long four = Figures.median(perSecond.get("postgres drainers=4"));
      figures.ratio(
          "postgres drainers=4 vs 5,000 tasks/s",
          four / TARGET,
          1.0,
          false,
          "("
              + four
              + " tasks/s, claim "
              + BATCH
              + " + complete all, "
              + tasks
              + " bodies of "
              + BenchTasks.BODY_BYTES
              + " B)");
    }
    Files.deleteIfExists(dir);
    return figures.allMet();
  }

  /** Fills a fresh queue with {@code tasks} bodies, then drains it; tasks per second. */
  static double drain(Supplier<QueueStore> open, int tasks, int drainers) throws Exception {
    try (QueueStore filler = open.get()) {
      BenchTasks.enqueue(filler, tasks);
    }
    List<QueueStore> stores = new ArrayList<>();
    for (int d = 0; d < drainers; d++) {
      stores.add(open.get());
    }
    ExecutorService pool = Executors.newFixedThreadPool(drainers);
    AtomicInteger completed = new AtomicInteger();
    try {
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int d = 0; d < drainers; d++) {
        QueueStore store = stores.get(d);
        String owner = "bench-drainer-" + d;
        running.add(
            pool.submit(
                () -> {
                  while (true) {
                    Instant now = Instant.now();
                    List<ClaimedBody> claimed =
                        store
                            .bodies()
                            .claim(
                                new ClaimRequest(
                                    BATCH,
                                    now,
                                    Duration.ofMinutes(5),
                                    owner,
                                    ProjectScope.all(),
                                    false));
                    if (claimed.isEmpty()) {
                      return null;
                    }
                    List<Settlement<ClaimedBody>> done = new ArrayList<>(claimed.size());
                    claimed.forEach(c -> done.add(Settlement.complete(c, now)));
                    completed.addAndGet(store.bodies().settle(done).size());
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (completed.get() != tasks) {
        throw new IllegalStateException("completed " + completed + " of " + tasks + " tasks");
      }
      return tasks / seconds;
    } finally {
      pool.shutdown();
      stores.forEach(QueueStore::close);
    }
  }

  /**
   * Index + events + enqueue of every feature of the corpus into {@code store}: nanoseconds, and
   * how many features the store refused (their errors go to stderr).
   */
  private static long[] enqueueCorpus(Path corpus, QueueStore store) throws Exception {
    try (store;
        Stream<Path> dirs = Files.list(corpus)) {
      List<Path> features = dirs.filter(Files::isDirectory).sorted().toList();
      SpecKittyCheckout checkout = new SpecKittyCheckout();
      List<NamespaceRef> namespaces =
          features.stream().map(d -> checkout.read(d).namespace()).toList();
      DossierPipeline pipeline = DossierPipeline.builder().queueStore(store).build();
      long refused = 0;
      long start = System.nanoTime();
      for (int i = 0; i < features.size(); i++) {
        DossierSyncResult result = pipeline.syncFeatureDossier(features.get(i), namespaces.get(i));
        if (!result.errors().isEmpty()) {
          refused++;
        }
      }
      return new long[] {System.nanoTime() - start, refused};
    }
  }

  /** The server settings that decide the figures, {@code name=value} each. */
  private static String settings(EmbeddedPostgres server) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, setting, unit FROM pg_settings"
                    + " WHERE name IN ('"
                    + String.join("','", SETTINGS)
                    + "') ORDER BY name")) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(rs.getString(1)).append('=').append(rs.getString(2));
        if (rs.getString(3) != null) {
          out.append(' ').append(rs.getString(3));
        }
        out.append("; ");
      }
      return out.toString().strip();
    }
  }
}
