package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.PROJECT_B;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ProjectScope;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrainEngineConsentTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef a = namespace(PROJECT_A, "001-feature");
  private final NamespaceRef b = namespace(PROJECT_B, "002-elsewhere");

  @Test
  void aProjectWithoutConsentIsNeverSentAndStaysUntouched() {
    bench.enqueueEvent(a, "spec.md");
    bench.enqueueBody(a, "spec.md");
    bench.enqueueEvent(b, "spec.md");
    bench.enqueueBody(b, "spec.md");

    DrainReport report = drain(bench.builder().consent(SyncConsent.only(Set.of(PROJECT_A))));

    assertThat(report.projects()).containsExactly(PROJECT_A);
    assertThat(report.queuesEmpty()).isTrue();
    assertThat(bench.content.requests()).extracting(r -> r.namespace()).containsOnly(a);
    assertThat(bench.events.batches())
        .flatExtracting(x -> x)
        .extracting(e -> e.namespace())
        .containsOnly(a);
    assertUntouched();
  }

  @Test
  void theConfiguredScopeLimitsTheDrainToo() {
    bench.enqueueBody(a, "spec.md");
    bench.enqueueEvent(b, "spec.md");
    bench.enqueueBody(b, "spec.md");

    DrainReport report = drain(bench.builder().projectScope(ProjectScope.of(Set.of(PROJECT_A))));

    assertThat(report.projects()).containsExactly(PROJECT_A);
    assertThat(bench.events.batches()).isEmpty();
    assertUntouched();
  }

  @Test
  void aConsentThatThrowsCountsAsNo() {
    bench.enqueueBody(b, "spec.md");
    bench.enqueueEvent(b, "spec.md");

    DrainReport report =
        drain(
            bench
                .builder()
                .consent(
                    p -> {
                      throw new IllegalStateException("no answer");
                    }));

    assertThat(report.projects()).isEmpty();
    assertThat(report.attempted()).isZero();
    assertUntouched();
  }

  private DrainReport drain(DrainEngineBuilder builder) {
    try (DrainEngine engine = builder.build()) {
      return engine.drainUntilEmpty(Duration.ofMinutes(1));
    }
  }

  /** Project B's tasks are still queued, never retried, ready now and not leased. */
  private void assertUntouched() {
    ProjectScope onlyB = ProjectScope.of(Set.of(PROJECT_B));
    assertThat(bench.store.events().pending(onlyB)).isEqualTo(1);
    assertThat(bench.store.bodies().nextDue(onlyB, T0).at()).contains(T0);
    ClaimRequest now = new ClaimRequest(10, T0, Duration.ofMinutes(1), "check", onlyB, false);
    assertThat(bench.store.bodies().claim(now))
        .singleElement()
        .satisfies(c -> assertThat(c.retryCount()).isZero());
    assertThat(bench.sleeper.sleeps()).isEmpty();
  }
}
