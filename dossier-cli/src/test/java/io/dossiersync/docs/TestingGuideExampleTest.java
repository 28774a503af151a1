package io.dossiersync.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.http.HttpTransportConfig;
import io.dossiersync.http.HttpTransports;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.DossierAssertions;
import io.dossiersync.testkit.MutableClock;
import io.dossiersync.testkit.fake.PushResults;
import io.dossiersync.testkit.fake.ScriptedContentTransport;
import io.dossiersync.testkit.fake.ScriptedEventTransport;
import io.dossiersync.testkit.fake.ScriptedTokenProvider;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/testing.md, line for line: change both together. */
class TestingGuideExampleTest {

  private static final String PROJECT = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";
  private static final String TOKEN = "test-token";

  @TempDir Path tmp;

  @Test
  void everyBodyArrivesExactlyOnceThroughAnUnreliableReceiver() throws IOException {
    // 1. A feature directory with one file on every supported surface.
    FeatureFixture feature =
        FeatureDirs.everySurface(tmp.resolve("kitty-specs"), "047-checkout-flow");
    NamespaceRef namespace = new NamespaceRef(PROJECT, feature.slug(), "main", "software-dev", "1");
    // 2. One clock for the receiver and the drain; the drain "sleeps" by moving it.
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T10:00:00Z"));

    try (ReferenceReceiver receiver =
            ReferenceReceiver.builder()
                .token(TOKEN)
                .acceptAnyProject(false)
                .registerProject(PROJECT)
                .clock(clock)
                .indexLag(Duration.ofSeconds(5))
                .failureRate(0.2)
                .rateLimitRate(0.1)
                .retryAfter(Duration.ofSeconds(3))
                .seed(42)
                .start();
        QueueStore store = InMemoryQueueStore.create();
        HttpTransports http =
            HttpTransports.create(
                HttpTransportConfig.builder(receiver.baseUri().toString()).build())) {

      // 3. Sync: index, emit the dossier events, enqueue the bodies. Nothing is sent yet.
      DossierSyncResult sync =
          DossierPipeline.builder()
              .queueStore(store)
              .clock(clock)
              .build()
              .syncFeatureDossier(feature.dir(), namespace);
      DossierAssertions.assertThat(sync.outcomes())
          .hasOneOutcomePerPath()
          .noneFailed()
          .hasStatus("spec.md", OutcomeStatus.QUEUED)
          .hasStatusCount(OutcomeStatus.QUEUED, FeatureDirs.EVERY_SURFACE.size());

      // 4. Drain over real HTTP until both queues are empty.
      ScriptedTokenProvider tokens = ScriptedTokenProvider.of(TOKEN);
      DrainReport report;
      try (DrainEngine engine =
          DrainEngine.builder()
              .queueStore(store)
              .contentTransport(http.contentTransport(tokens))
              .eventTransport(http.eventTransport(tokens))
              .tokenProvider(tokens)
              .clock(clock)
              .sleeper(clock::advance)
              .jitter(() -> 0.0)
              .build()) {
        report = engine.drainUntilEmpty(Duration.ofHours(1));
      }

      // 5. Every body stored exactly once, byte for byte, despite 503s, 429s and index lag.
      assertThat(report.queuesEmpty()).isTrue();
      assertThat(report.failureCount()).isZero();
      assertThat(receiver.ledger().countByStatus(503)).isPositive();
      DossierAssertions.assertThat(receiver.ledger())
          .hasStoredCount(FeatureDirs.EVERY_SURFACE.size())
          .hasNoDuplicateStores()
          .hasStoredBody(
              new BodyKey(namespace, "spec.md", feature.sha256("spec.md")),
              Files.readString(feature.path("spec.md")));
    }
  }

  @Test
  void aBodyTheReceiverRefusesEndsInTheFailureRecords() {
    FeatureFixture feature =
        FeatureDirs.feature(tmp, "048-refused").text("spec.md", "# Spec\n").build();
    NamespaceRef namespace = new NamespaceRef(PROJECT, feature.slug(), "main", "software-dev", "1");
    QueueStore store = InMemoryQueueStore.create();
    DossierPipeline.builder()
        .queueStore(store)
        .build()
        .syncFeatureDossier(feature.dir(), namespace);

    ScriptedContentTransport content =
        ScriptedContentTransport.create().forPath("spec.md", PushResults.namespaceNotFound());
    ScriptedEventTransport events = ScriptedEventTransport.create();
    ScriptedTokenProvider tokens = ScriptedTokenProvider.of(TOKEN);
    try (DrainEngine engine =
        DrainEngine.builder()
            .queueStore(store)
            .contentTransport(content)
            .eventTransport(events)
            .tokenProvider(tokens)
            .build()) {
      assertThat(engine.drainOnce().bodiesFailed()).isEqualTo(1);
    }

    assertThat(events.events()).isNotEmpty();
    assertThat(content.requestsFor("spec.md")).hasSize(1);
    assertThat(store.failures().list(10))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).startsWith("namespace_not_found"));
  }
}
