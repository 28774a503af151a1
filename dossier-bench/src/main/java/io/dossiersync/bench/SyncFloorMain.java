package io.dossiersync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cold sync floor of the {@code cli} scenario, a fresh JVM: walk, read and SHA-256 every
 * regular file of the feature directories, then insert the very rows a {@code dossier sync} wrote
 * (read from a reference queue file before the clock starts) in one batched JDBC transaction.
 * Usage: {@code SyncFloorMain <kitty-specs> <reference-queue.db> <new-floor.db>}.
 */
public final class SyncFloorMain {

  private SyncFloorMain() {}

  /**
   * Runs the floor once.
   *
   * @param args the kitty-specs directory, the reference queue file, the file to create
   * @throws Exception when a file cannot be read or written
   */
  public static void main(String[] args) throws Exception {
    ColdFloor clock = new ColdFloor();
    Path corpus = Path.of(args[0]);
    List<QueueRows> rows;
    try (Connection reference = QueueRows.open(Path.of(args[1]))) {
      rows =
          List.of(
              QueueRows.read(reference, "body_queue"), QueueRows.read(reference, "event_queue"));
    }
    List<Path> features;
    try (Stream<Path> dirs = Files.list(corpus)) {
      features = dirs.filter(Files::isDirectory).sorted().toList();
    }
    clock.preloaded();
    SyncCorpusScenario.floor(features, rows, Path.of(args[2]));
  }
}
