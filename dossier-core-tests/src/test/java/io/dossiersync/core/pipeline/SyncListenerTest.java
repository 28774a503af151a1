package io.dossiersync.core.pipeline;

import static io.dossiersync.core.FeatureFiles.write;
import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enqueue side's observability port: one {@link SyncCounts} per synced feature. */
class SyncListenerTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final NamespaceRef NS = namespace(PROJECT_A, "047-fixture");

  @TempDir Path root;
  private final List<SyncCounts> seen = new CopyOnWriteArrayList<>();

  private DossierPipeline pipeline(InMemoryQueueStore store, SyncListener listener) {
    return DossierPipeline.builder()
        .queueStore(store)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .listener(listener)
        .build();
  }

  /** The feature directory with one {@code <name>.md} of text {@code # <name>} per name. */
  private Path feature(String... names) throws IOException {
    Path dir = Files.createDirectories(root.resolve("047-fixture"));
    for (String name : names) {
      write(dir, name + ".md", "# " + name + "\n");
    }
    return dir;
  }

  @Test
  void eachSyncReportsWhatItsEnqueueDid() throws Exception {
    Path dir = feature("spec", "plan");
    write(dir, "notes.txt", "not an artifact format");
    InMemoryQueueStore store = InMemoryQueueStore.create();
    DossierPipeline pipeline = pipeline(store, seen::add);

    DossierSyncResult first = pipeline.syncFeatureDossier(dir, NS);
    write(dir, "spec.md", "# spec, second version\n");
    pipeline.syncFeatureDossier(dir, NS);

    assertThat(seen).hasSize(2);
    SyncCounts one = seen.get(0);
    assertThat(one.namespace()).isEqualTo(NS);
    assertThat(one.bodiesEnqueued()).isEqualTo(2);
    assertThat(one.bodiesAlreadyQueued()).isZero();
    assertThat(one.bodiesSuperseded()).isZero();
    assertThat(one.bodiesSkipped()).isEqualTo(1);
    assertThat(one.bodiesFailed()).isZero();
    assertThat(one.eventsQueueFull()).isZero();
    assertThat(one.bodiesQueueFull()).isZero();
    assertThat(one.eventsEnqueued()).isEqualTo(first.eventsEmitted()).isPositive();
    SyncCounts two = seen.get(1);
    assertThat(two.bodiesEnqueued()).isEqualTo(1);
    assertThat(two.bodiesAlreadyQueued()).isEqualTo(1);
    assertThat(two.bodiesSuperseded()).isEqualTo(1);
    assertThat(two.eventsSuperseded()).isPositive();
  }

  @Test
  void aFullQueueCountsAsQueueFullAndFailed() throws Exception {
    Path dir = feature("spec", "plan");
    InMemoryQueueStore store = InMemoryQueueStore.builder().maxQueueSize(1).build();

    pipeline(store, seen::add).syncFeatureDossier(dir, NS);

    SyncCounts counts = seen.get(0);
    assertThat(counts.bodiesEnqueued()).isEqualTo(1);
    assertThat(counts.bodiesFailed()).isEqualTo(1);
    assertThat(counts.bodiesQueueFull()).isEqualTo(1);
    // Each queue holds one task: one event got in, the others are queue_full.
    assertThat(counts.eventsEnqueued()).isEqualTo(1);
    assertThat(counts.eventsQueueFull()).isPositive();
  }

  @Test
  void aFailingListenerNeverFailsTheSync() throws Exception {
    Path dir = feature("spec");
    InMemoryQueueStore store = InMemoryQueueStore.create();

    DossierSyncResult result =
        pipeline(
                store,
                counts -> {
                  throw new IllegalStateException("metrics backend down");
                })
            .syncFeatureDossier(dir, NS);

    assertThat(result.errors()).isEmpty();
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  @Test
  void theDefaultListenerDoesNothingAndCountsRejectNegatives() {
    SyncListener.noop().onFeatureSynced(new SyncCounts(NS, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThatThrownBy(() -> new SyncCounts(NS, 0, 0, 0, -1, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 0");
  }
}
