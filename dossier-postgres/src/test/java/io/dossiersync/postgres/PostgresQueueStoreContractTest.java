package io.dossiersync.postgres;

import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.testkit.QueueStoreContract;

/**
 * The PostgreSQL store passes the shared QueueStore contract unchanged, each test on a fresh
 * schema.
 */
class PostgresQueueStoreContractTest extends QueueStoreContract {

  @Override
  protected QueueStore createStore(int maxQueueSize) {
    return PostgresServer.store(maxQueueSize);
  }
}
