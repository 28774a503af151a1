package io.dossiersync.e2e;

import static io.dossiersync.e2e.Delivery.answersPerKey;
import static io.dossiersync.e2e.Delivery.assertDeliveredExactlyOnce;
import static io.dossiersync.e2e.Delivery.queuedBodies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.TaskKind;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.drain.TaskStatus;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: the receiver makes an index entry visible only some seconds after its {@code
 * ArtifactIndexed} event; the first push of every body earns {@code index_entry_not_found}, which
 * the drain keeps with backoff until the entry is visible, then stores every body once. The
 * receiver and the drain share one moved clock, so the lag costs no wall time.
 */
class IndexLagTest {

  private static final Duration LAG = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void indexEntryNotFoundIsRetriedUntilTheIndexCatchesUp() throws Exception {
    try (E2eRig rig = E2eRig.onMutableClock(dir);
        ReferenceReceiver receiver = rig.startReceiver(b -> b.indexLag(LAG))) {
      FeatureFixture feature = FeatureDirs.everySurface(dir.resolve("kitty-specs"), "020-lagging");
      Map<BodyKey, String> expected =
          queuedBodies(
              rig.sync(feature, E2eRig.namespace(E2eRig.PROJECT_A, feature.slug())), feature);
      List<TaskResult> results = new CopyOnWriteArrayList<>();
      DrainListener listener =
          new DrainListener() {
            @Override
            public void onTask(TaskResult result) {
              results.add(result);
            }
          };
      DrainEngine engine = rig.engine(receiver.baseUri(), b -> b.listener(listener));

      DrainReport report = engine.drainUntilEmpty(Duration.ofMinutes(5));

      assertThat(report.queuesEmpty()).isTrue();
      assertThat(report.bodiesUploaded()).isEqualTo(expected.size());
      assertThat(report.bodiesFailed()).isZero();
      assertThat(answersPerKey(receiver.ledger(), "index_entry_not_found"))
          .as("every body's first push came before its index entry was visible")
          .containsOnlyKeys(expected.keySet());
      assertThat(results)
          .filteredOn(r -> r.kind() == TaskKind.BODY && r.status() == TaskStatus.RETRY)
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.reason()).isEqualTo("index_entry_not_found"));
      assertThat(receiver.ledger().requests())
          .filteredOn(r -> r.answer().equals("stored"))
          .allSatisfy(
              r ->
                  assertThat(r.receivedAt())
                      .isAfterOrEqualTo(
                          receiver.ledger().eventsReceived().get(0).receivedAt().plus(LAG)));
      assertDeliveredExactlyOnce(receiver.ledger(), expected, rig.store());
    }
  }
}
