package io.dossiersync.core.queue;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.PROJECT_B;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.body;
import static io.dossiersync.core.queue.QueueTestData.claim;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static io.dossiersync.core.queue.QueueTestData.plainEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryQueueStoreStatsTest {

  private final InMemoryQueueStore store = InMemoryQueueStore.create();
  private final NamespaceRef a = namespace(PROJECT_A, "001-feature");
  private final NamespaceRef b = namespace(PROJECT_B, "002-other");

  @Test
  void anEmptyStoreHasEmptyStats() {
    QueueStats stats = store.stats(T0);

    assertThat(stats.events()).isEqualTo(new EventQueueStats(0, 0, 0));
    assertThat(stats.bodies().oldestAge()).isEmpty();
    assertThat(stats.failures()).isZero();
  }

  @Test
  void statsSplitReadyFromBackoffAndCountShape() {
    store.bodies().enqueue(List.of(body("a.md", "1"), body("b.md", "1"), body(b, "c.md", "1")), T0);
    store.events().enqueue(List.of(plainEvent(a), plainEvent(a)), T0);
    store.bodies().settle(List.of(Settlement.reschedule(store.bodies().claim(claim(1, T0,
        "d")).get(0), T0.plusSeconds(100), "x", T0)));
    store.events().claim(claim(1, T0, "d"));

    QueueStats stats = store.stats(T0.plusSeconds(10));

    assertThat(stats.events()).isEqualTo(new EventQueueStats(2, 1, 0));
    assertThat(stats.bodies().pending()).isEqualTo(3);
    assertThat(stats.bodies().ready()).isEqualTo(2);
    assertThat(stats.bodies().inBackoff()).isEqualTo(1);
    assertThat(stats.bodies().oldestAge()).contains(Duration.ofSeconds(10));
    assertThat(stats.bodies().retryHistogram()).isEqualTo(Map.of(0, 2L, 1, 1L));
    assertThat(stats.bodies().byFeature()).isEqualTo(Map.of("001-feature", 2L, "002-other", 1L));
    assertThat(store.stats(T0.minusSeconds(5)).bodies().oldestAge()).contains(Duration.ZERO);
  }

  @Test
  void purgeByProjectOrFeatureWithDryRun() {
    store.bodies().enqueue(List.of(body("a.md", "1"), body(b, "c.md", "1")), T0);
    store.events().enqueue(List.of(plainEvent(a), plainEvent(b)), T0);

    assertThat(store.purge(PurgeScope.project(PROJECT_A), true)).isEqualTo(new PurgeCount(1, 1));
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2);
    assertThat(store.purge(PurgeScope.feature("002-other"), false)).isEqualTo(new PurgeCount(1, 1));

    assertThat(store.bodies().projects()).containsExactly(PROJECT_A);
    assertThat(store.events().projects()).containsExactly(PROJECT_A);
    assertThat(store.bodies().enqueue(List.of(body(b, "c.md", "1")), T0).superseded()).isZero();
  }

  @Test
  void aClosedStoreRefusesCalls() {
    assertThat(store.location()).startsWith("memory:");
    store.close();
    store.close();

    assertThatThrownBy(() -> store.bodies().pending(ProjectScope.all()))
        .isInstanceOf(QueueStoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.events().nextDue(ProjectScope.all(), T0).at())
        .isInstanceOf(QueueStoreException.class);
  }
}
