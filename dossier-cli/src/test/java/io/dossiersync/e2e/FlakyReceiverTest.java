package io.dossiersync.e2e;

import static io.dossiersync.e2e.Delivery.assertDeliveredExactlyOnce;
import static io.dossiersync.e2e.Delivery.queuedBodies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.Endpoint;
import io.dossiersync.receiver.ReceivedRequest;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: a receiver that answers 30 % of requests 503, drops 5 % of connections and rate-limits
 * 10 % with a Retry-After still ends, after one drain, with every body of several features stored
 * exactly once. Seeded faults; backoff and Retry-After run on a moved clock.
 */
class FlakyReceiverTest {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(7);

  @TempDir Path dir;

  @Test
  void everyBodyIsStoredExactlyOnceDespite503sResetsAnd429s() throws Exception {
    try (E2eRig rig = E2eRig.onMutableClock(dir);
        ReferenceReceiver receiver =
            rig.startReceiver(
                b ->
                    b.failureRate(0.3)
                        .resetRate(0.05)
                        .rateLimitRate(0.1)
                        .retryAfter(RETRY_AFTER)
                        .seed(20_260_301L))) {
      Path specs = dir.resolve("kitty-specs");
      List<FeatureFixture> features = new ArrayList<>();
      features.add(FeatureDirs.everySurface(specs, "010-flaky-surfaces"));
      features.add(FeatureDirs.manyFiles(specs, "011-flaky-many", 25));
      features.add(FeatureDirs.everySurface(specs, "012-flaky-other-project"));
      features.add(FeatureDirs.manyFiles(specs, "013-flaky-more", 15, 2_048));
      Map<BodyKey, String> expected = new HashMap<>();
      for (int i = 0; i < features.size(); i++) {
        FeatureFixture feature = features.get(i);
        String project = i == 2 ? E2eRig.PROJECT_B : E2eRig.PROJECT_A;
        expected.putAll(
            queuedBodies(rig.sync(feature, E2eRig.namespace(project, feature.slug())), feature));
      }
      assertThat(expected).hasSizeGreaterThanOrEqualTo(50);
      DrainEngine engine = rig.engine(receiver.baseUri());

      DrainReport report = engine.drainUntilEmpty(Duration.ofHours(1));

      assertThat(report.queuesEmpty()).isTrue();
      assertThat(report.timedOut()).isFalse();
      assertThat(report.bodiesFailed() + report.eventsFailed()).isZero();
      assertThat(report.bodiesUploaded()).isEqualTo(expected.size());
      assertThat(report.bodiesRetry()).as("some pushes were retried").isPositive();
      assertThat(receiver.ledger().countByStatus(503)).isPositive();
      assertThat(receiver.ledger().countByStatus(429)).isPositive();
      assertThat(receiver.ledger().countByStatus(0)).as("dropped connections").isPositive();
      assertDeliveredExactlyOnce(receiver.ledger(), expected, rig.store());
      assertRetryAfterRespected(receiver.ledger().requests());
    }
  }

  /**
   * The receiver shares the drain's clock: after a 429 asking for 7 s, the next push of the same
   * body comes at least 7 s later, though its own backoff step would have been shorter.
   */
  private static void assertRetryAfterRespected(List<ReceivedRequest> requests) {
    Map<BodyKey, List<ReceivedRequest>> byKey = new HashMap<>();
    requests.stream()
        .filter(r -> r.endpoint() == Endpoint.PUSH_CONTENT && r.bodyKey().isPresent())
        .forEach(
            r -> byKey.computeIfAbsent(r.bodyKey().orElseThrow(), k -> new ArrayList<>()).add(r));
    int checked = 0;
    for (List<ReceivedRequest> pushes : byKey.values()) {
      pushes.sort(Comparator.comparingLong(ReceivedRequest::sequence));
      for (int i = 0; i + 1 < pushes.size(); i++) {
        if (pushes.get(i).status() == 429) {
          assertThat(pushes.get(i + 1).receivedAt())
              .isAfterOrEqualTo(pushes.get(i).receivedAt().plus(RETRY_AFTER));
          checked++;
        }
      }
    }
    assertThat(checked).as("rate-limited pushes followed by a retry").isPositive();
  }
}
