package io.dossiersync.sqlite;

import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.testkit.QueueStoreContract;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store passes the shared QueueStore contract, each test on a fresh file. */
class SqliteQueueStoreContractTest extends QueueStoreContract {

  @TempDir Path dir;
  private final AtomicInteger files = new AtomicInteger();

  @Override
  protected QueueStore createStore(int maxQueueSize) {
    return SqliteQueueStore.builder()
        .path(dir.resolve("queues/queue-" + files.incrementAndGet() + ".db"))
        .maxQueueSize(maxQueueSize)
        .build();
  }
}
