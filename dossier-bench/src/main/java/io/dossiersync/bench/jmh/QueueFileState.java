package io.dossiersync.bench.jmh;

import io.dossiersync.bench.BenchTasks;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A fresh, empty SQLite queue file (unbounded capacity) per iteration, in its own temporary
 * directory, closed and deleted after the iteration. Per-thread state: a benchmark takes it as the
 * parameter of its own iteration set-up, which JMH runs after {@link #open()}, and keeps the store.
 * Take it in one method only: JMH makes a separate instance for each method that names it.
 */
@State(Scope.Thread)
public class QueueFileState {

  // Set by open() before the set-up that takes this state runs.
  private Path dir;
  SqliteQueueStore store;

  /** Creates the directory and opens a fresh queue file in it. */
  @Setup(Level.Iteration)
  public void open() throws IOException {
    dir = Files.createTempDirectory("dossier-bench-queue");
    store = BenchTasks.openStore(dir.resolve("queue.db"), Integer.MAX_VALUE);
  }

  /** Closes the store and deletes the file and its directory. */
  @TearDown(Level.Iteration)
  public void close() throws IOException {
    store.close();
    BenchTasks.deleteQueueFile(dir.resolve("queue.db"));
    Files.deleteIfExists(dir);
  }
}
