package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.http.HttpTransportConfig;
import io.dossiersync.http.HttpTransports;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.sqlite.SqliteQueueStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 point 6: two drainers on one queue file against a receiver that answers every request
 * later than the lease runs out (1.5 s against a 1 s lease). Each drainer renews the leases of what
 * it holds every third of the lease, so the other never claims a task still in flight: every body
 * is pushed once and every event delivered once.
 */
class LeaseRenewalTest {

  @TempDir Path dir;

  @Test
  void twoDrainersAgainstAReceiverSlowerThanTheLeaseNeverPushATaskTwice() throws Exception {
    Path specs = Checkouts.generated(dir.resolve("checkout"), 2, 3, 7L);
    Path db = dir.resolve("queue.db");
    Set<BodyKey> expected = Deliveries.acknowledged(Recovery.syncNoDrain(specs, db));
    try (ReferenceReceiver receiver = Recovery.slowReceiver(Duration.ofMillis(1_500));
        SqliteQueueStore storeA = SqliteQueueStore.builder().path(db).open();
        SqliteQueueStore storeB = SqliteQueueStore.builder().path(db).open();
        HttpTransports httpA = http(receiver);
        HttpTransports httpB = http(receiver)) {
      TokenProvider tokens = TokenProvider.fixed(new AccessToken(Recovery.TOKEN));
      try (DrainEngine a = engine(storeA, httpA, tokens);
          DrainEngine b = engine(storeB, httpB, tokens)) {
        CompletableFuture<DrainReport> first =
            CompletableFuture.supplyAsync(() -> a.drainUntilEmpty(Duration.ofSeconds(60)));
        CompletableFuture<DrainReport> second =
            CompletableFuture.supplyAsync(() -> b.drainUntilEmpty(Duration.ofSeconds(60)));
        DrainReport one = first.get(120, TimeUnit.SECONDS);
        DrainReport two = second.get(120, TimeUnit.SECONDS);

        assertThat(one.bodiesUploaded() + two.bodiesUploaded()).isEqualTo(expected.size());
        assertThat(one.bodiesAlreadyExists() + two.bodiesAlreadyExists()).isZero();
        assertThat(one.queuesEmpty() && two.queuesEmpty()).isTrue();
      }
      Deliveries.assertPushedOnceAndEachEventOnce(receiver.ledger(), expected);
    }
  }

  private static HttpTransports http(ReferenceReceiver receiver) {
    return HttpTransports.create(
        HttpTransportConfig.builder(receiver.baseUri().toString()).build());
  }

  private static DrainEngine engine(
      SqliteQueueStore store, HttpTransports http, TokenProvider tokens) {
    return DrainEngine.builder()
        .queueStore(store)
        .contentTransport(http.contentTransport(tokens))
        .eventTransport(http.eventTransport(tokens))
        .tokenProvider(tokens)
        .concurrency(4)
        .leaseDuration(Duration.ofSeconds(1))
        .build();
  }
}
