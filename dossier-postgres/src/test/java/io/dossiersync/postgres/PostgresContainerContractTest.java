package io.dossiersync.postgres;

import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.testkit.QueueStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The contract against a PostgreSQL server in a container (the server version users run in
 * production, not the embedded 14); skipped cleanly where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerContractTest extends QueueStoreContract {

  @Container
  private static final PostgreSQLContainer<?> SERVER = new PostgreSQLContainer<>("postgres:16");

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  @Override
  protected QueueStore createStore(int maxQueueSize) {
    return PostgresQueueStore.builder()
        .url(SERVER.getJdbcUrl())
        .user(SERVER.getUsername())
        .password(SERVER.getPassword())
        .schema("dossier_c" + SCHEMAS.incrementAndGet())
        .maxQueueSize(maxQueueSize)
        .build();
  }
}
