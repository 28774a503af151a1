package io.dossiersync.testkit;

import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.testkit.queue.InMemoryQueueStore;

/**
 * The in-memory store (dossier-core's {@link InMemoryQueueStore}, the testkit's in-memory store)
 * passes the same contract as the SQLite store, so the fake cannot drift from the real one.
 */
class InMemoryQueueStoreContractTest extends QueueStoreContract {

  @Override
  protected QueueStore createStore(int maxQueueSize) {
    return InMemoryQueueStore.builder().maxQueueSize(maxQueueSize).build();
  }
}
