package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.time.Duration;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DrainEngineBuilderTest {

  private final DrainFixture bench = new DrainFixture();

  static Stream<Arguments> badSettings() {
    return Stream.of(
        bad("concurrency 0", b -> b.concurrency(0), "concurrency must be between 1 and 64, got 0"),
        bad("concurrency 65", b -> b.concurrency(65), "concurrency must be between 1 and 64"),
        bad("event batch 0", b -> b.eventBatchSize(0), "eventBatchSize must be between 1 and 1000"),
        bad("claim batch 1001", b -> b.bodyClaimBatchSize(1001), "bodyClaimBatchSize"),
        bad("ceiling 0", b -> b.retryCeiling(0), "retryCeiling must be between 1 and 1000"),
        bad(
            "lease 0",
            b -> b.leaseDuration(Duration.ZERO),
            "leaseDuration must be between 1 second and 24 hours"),
        bad("Retry-After cap 2 days", b -> b.maxRetryAfter(Duration.ofDays(2)), "maxRetryAfter"));
  }

  private static Arguments bad(
      String name, UnaryOperator<DrainEngineBuilder> change, String message) {
    return Arguments.of(Named.of(name, change), message);
  }

  @ParameterizedTest
  @MethodSource("badSettings")
  void aSettingOutOfRangeIsNamed(UnaryOperator<DrainEngineBuilder> change, String message) {
    assertThatThrownBy(() -> change.apply(bench.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void requiredPortsAreNamed() {
    assertThatThrownBy(() -> DrainEngine.builder().build()).hasMessage("queueStore is required");
    assertThatThrownBy(() -> DrainEngine.builder().queueStore(InMemoryQueueStore.create()).build())
        .hasMessage("contentTransport is required");
    assertThatThrownBy(
            () ->
                DrainEngine.builder()
                    .queueStore(InMemoryQueueStore.create())
                    .contentTransport(bench.content)
                    .build())
        .hasMessage("eventTransport is required");
    assertThatThrownBy(
            () ->
                DrainEngine.builder()
                    .queueStore(InMemoryQueueStore.create())
                    .contentTransport(bench.content)
                    .eventTransport(bench.events)
                    .build())
        .hasMessage("tokenProvider is required");
  }

  @Test
  void inRangeSettingsBuildAWorkingEngine() {
    bench.enqueueEvent(namespace(PROJECT_A, "001-feature"), "spec.md");
    bench.enqueueEvent(namespace(PROJECT_A, "001-feature"), "plan.md");

    try (DrainEngine engine =
        bench
            .builder()
            .eventBatchSize(1)
            .leaseDuration(Duration.ofSeconds(30))
            .maxRetryAfter(Duration.ofMinutes(5))
            .tokenProvider(TokenProvider.none())
            .build()) {
      assertThat(engine.drainOnce().eventsSent()).isEqualTo(2);
    }
    assertThat(bench.events.batches()).hasSize(2);
  }

  @Test
  void namesAndDefaultsAreTheDocumentedOnes() {
    assertThat(TaskStatus.ALREADY_EXISTS.wireName()).isEqualTo("already_exists");
    assertThat(TaskKind.BODY.wireName()).isEqualTo("body");
    assertThat(DrainEngine.DEFAULT_CONCURRENCY).isEqualTo(4);
    assertThat(DrainEngine.DEFAULT_EVENT_BATCH_SIZE).isEqualTo(100);
    assertThat(DrainEngine.DEFAULT_RETRY_CEILING).isEqualTo(20);
    assertThat(Backoff.DEFAULT_MAX_RETRY_AFTER).isEqualTo(Duration.ofHours(1));
    DrainReport empty =
        new DrainReport(new TreeSet<>(), 0, 0, 0, 0, 0, 0, 0, 0, false, false, 0, 0, 0);
    DrainListener.noop().onDrain(empty);
    assertThat(empty.withTimedOut(true).summary()).endsWith("timed out, projects=0");
    assertThat(SyncConsent.allowAll().allows("anything")).isTrue();
  }
}
