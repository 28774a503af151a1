package io.dossiersync.bench;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.checkout.SpecKittyCheckout;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code sync-corpus <kitty-specs-dir> [rounds]}: index + events + enqueue of every feature into a
 * fresh SQLite queue (what {@code dossier sync --no-drain} does), against the floor measured in the
 * same run: read and SHA-256 every regular file of the same feature directories, then insert the
 * very rows the store wrote (bodies and events) with one bare batched JDBC transaction. One warm-up
 * round, then the median of {@code rounds} alternating rounds. Target: at most 2x.
 */
final class SyncCorpusScenario {

  private SyncCorpusScenario() {}

  /** Totals of one pass. */
  record Pass(long nanos, long files, long bytes, long queued, long events) {}

  static boolean run(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("sync-corpus needs the kitty-specs directory");
    }
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    int rounds = Figures.intArg(args, 1, 3, "rounds");
    List<Path> features;
    try (Stream<Path> dirs = Files.list(corpus)) {
      features = dirs.filter(Files::isDirectory).sorted().toList();
    }
    SpecKittyCheckout checkout = new SpecKittyCheckout();
    List<NamespaceRef> namespaces =
        features.stream().map(d -> checkout.read(d).namespace()).toList();
    Path dir = Files.createTempDirectory("dossier-bench-sync");
    Figures figures = new Figures("sync-corpus");
    List<QueueRows> rows = List.of();
    List<Long> ours = new ArrayList<>();
    List<Long> floor = new ArrayList<>();
    Pass lastOurs = null;
    Pass lastFloor = null;
    for (int round = 0; round <= rounds; round++) {
      Path db = dir.resolve("sync-" + round + ".db");
      lastOurs = sync(features, namespaces, db);
      if (round == 0) {
        try (Connection c = QueueRows.open(db)) {
          rows = List.of(QueueRows.read(c, "body_queue"), QueueRows.read(c, "event_queue"));
        }
      }
      BenchTasks.deleteQueueFile(db);
      Path floorDb = dir.resolve("floor-" + round + ".db");
      lastFloor = floor(features, rows, floorDb);
      BenchTasks.deleteQueueFile(floorDb);
      if (round > 0) {
        ours.add(lastOurs.nanos());
        floor.add(lastFloor.nanos());
      }
    }
    Files.deleteIfExists(dir);
    long oursNanos = Figures.median(ours);
    long floorNanos = Figures.median(floor);
    figures.line(
        "corpus",
        "%s: %d features, %d files, %.1f MB",
        corpus,
        features.size(),
        lastFloor.files(),
        lastFloor.bytes() / 1e6);
    figures.line(
        "floor",
        "median %d ms (runs ms %s): read + SHA-256 of %d files, one JDBC batch"
            + " of %d body rows + %d event rows",
        floorNanos / 1_000_000,
        Figures.millis(floor),
        lastFloor.files(),
        rows.get(0).rows().size(),
        rows.get(1).rows().size());
    figures.line(
        "dossier",
        "median %d ms (runs ms %s): %d bodies queued, %d events, %.0f bodies/s",
        oursNanos / 1_000_000,
        Figures.millis(ours),
        lastOurs.queued(),
        lastOurs.events(),
        lastOurs.queued() / (oursNanos / 1e9));
    List<String> paired = new ArrayList<>();
    for (int i = 0; i < ours.size(); i++) {
      paired.add(String.format(Locale.ROOT, "%.2f", (double) ours.get(i) / floor.get(i)));
    }
    figures.ratio(
        "dossier/floor",
        (double) oursNanos / floorNanos,
        2.0,
        true,
        "(medians; per-round ratios " + paired + ")");
    figures.line(
        "python-reference",
        "about 900 bodies/s enqueued; dossier enqueues %.1fx that",
        lastOurs.queued() / (oursNanos / 1e9) / 900);
    return figures.allMet();
  }

  private static Pass sync(List<Path> features, List<NamespaceRef> namespaces, Path db) {
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(db).build()) {
      DossierPipeline pipeline = DossierPipeline.builder().queueStore(store).build();
      long queued = 0;
      long events = 0;
      long start = System.nanoTime();
      for (int i = 0; i < features.size(); i++) {
        DossierSyncResult result = pipeline.syncFeatureDossier(features.get(i), namespaces.get(i));
        if (!result.errors().isEmpty()) {
          throw new IllegalStateException("sync of " + features.get(i) + ": " + result.errors());
        }
        queued += result.count(OutcomeStatus.QUEUED);
        events += result.eventsEmitted();
      }
      return new Pass(System.nanoTime() - start, 0, 0, queued, events);
    }
  }

  static Pass floor(List<Path> features, List<QueueRows> rows, Path db) throws Exception {
    try (Connection connection = QueueRows.open(db)) {
      QueueRows.createSchema(connection);
      long files = 0;
      long bytes = 0;
      long start = System.nanoTime();
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (Path feature : features) {
        List<Path> regular;
        try (Stream<Path> walk = Files.walk(feature)) {
          regular = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : regular) {
          byte[] content = Files.readAllBytes(file);
          sha256.update(content);
          if (sha256.digest().length != 32) {
            throw new IllegalStateException("SHA-256 of " + file);
          }
          files++;
          bytes += content.length;
        }
      }
      connection.setAutoCommit(false);
      for (QueueRows table : rows) {
        table.insert(connection);
      }
      connection.commit();
      return new Pass(System.nanoTime() - start, files, bytes, 0, 0);
    }
  }
}
