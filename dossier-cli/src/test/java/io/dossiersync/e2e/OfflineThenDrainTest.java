package io.dossiersync.e2e;

import static io.dossiersync.e2e.Delivery.assertDeliveredExactlyOnce;
import static io.dossiersync.e2e.Delivery.queuedBodies;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.TaskKind;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.drain.TaskStatus;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: a sync while the receiver is down only queues; drains against the closed port fail
 * retryably and lose nothing; once the receiver listens on that port, one drain delivers every body
 * exactly once, and a re-sync of delivered bodies only earns {@code already_exists}. Real SQLite
 * file, real HTTP over loopback; backoff runs on a moved clock.
 */
class OfflineThenDrainTest {

  @TempDir Path dir;

  @Test
  void offlineSyncQueuesEverythingAndTheLaterDrainDeliversItExactlyOnce() throws Exception {
    int port = freePort();
    URI offline = URI.create("http://127.0.0.1:" + port);
    try (E2eRig rig = E2eRig.onMutableClock(dir)) {
      Map<BodyKey, String> expected = new HashMap<>();
      FeatureFixture first = FeatureDirs.everySurface(dir.resolve("kitty-specs"), "001-offline");
      FeatureFixture second = FeatureDirs.manyFiles(dir.resolve("kitty-specs"), "002-offline", 12);
      NamespaceRef ns1 = E2eRig.namespace(E2eRig.PROJECT_A, first.slug());
      NamespaceRef ns2 = E2eRig.namespace(E2eRig.PROJECT_A, second.slug());
      expected.putAll(queuedBodies(rig.sync(first, ns1), first));
      expected.putAll(queuedBodies(rig.sync(second, ns2), second));
      long queuedEvents = rig.store().events().pending(ProjectScope.all());
      String firstEvent = ns1.featureSlug() + ":spec.md";
      assertThat(queuedEvents).isPositive();
      List<Duration> eventDelays = new CopyOnWriteArrayList<>();
      DrainListener listener =
          new DrainListener() {
            @Override
            public void onTask(TaskResult result) {
              if (result.kind() == TaskKind.EVENT
                  && result.status() == TaskStatus.RETRY
                  && result.artifactPath().equals(firstEvent)) {
                eventDelays.add(
                    Duration.between(rig.clock().instant(), result.nextAttemptAt().orElseThrow()));
              }
            }
          };
      DrainEngine engine = rig.engine(offline, b -> b.listener(listener));

      DrainReport once = engine.drainOnce();

      assertThat(once.eventsRetry()).as("events failed retryably").isPositive();
      assertThat(once.eventsSent() + once.eventsFailed()).isZero();
      assertThat(once.bodiesUploaded() + once.bodiesAlreadyExists() + once.bodiesFailed())
          .as("no body sent while its namespace's events are pending")
          .isZero();
      assertThat(once.pendingEvents()).isEqualTo(queuedEvents);
      assertThat(once.pendingBodies()).isEqualTo(expected.size());
      assertThat(once.failureCount()).isZero();

      DrainReport offlineRetries = engine.drainUntilEmpty(Duration.ofMinutes(2));

      assertThat(offlineRetries.timedOut()).isTrue();
      assertThat(offlineRetries.eventsRetry()).as("several retries with backoff").isGreaterThan(3);
      assertThat(offlineRetries.pendingEvents()).isEqualTo(queuedEvents);
      assertThat(offlineRetries.pendingBodies()).isEqualTo(expected.size());
      assertThat(rig.store().failures().count()).as("nothing lost to failure records").isZero();
      assertThat(eventDelays)
          .as("backoff of one event, kept in the SQLite file between rounds")
          .startsWith(
              Stream.of(1, 2, 4, 8, 16, 32).map(Duration::ofSeconds).toArray(Duration[]::new));

      try (ReferenceReceiver receiver =
          ReferenceReceiver.builder().port(port).token(E2eRig.TOKEN).start()) {
        DrainReport online = engine.drainUntilEmpty(Duration.ofMinutes(10));

        assertThat(online.queuesEmpty()).isTrue();
        assertThat(online.timedOut()).isFalse();
        assertThat(online.bodiesUploaded()).isEqualTo(expected.size());
        assertThat(online.eventsSent()).isEqualTo(queuedEvents);
        assertDeliveredExactlyOnce(receiver.ledger(), expected, rig.store());
        assertThat(receiver.ledger().eventsReceived()).hasSize((int) queuedEvents);

        queuedBodies(rig.sync(first, ns1), first);
        DrainReport resync = engine.drainUntilEmpty(Duration.ofMinutes(10));

        assertThat(resync.bodiesAlreadyExists())
            .as("a re-sync of delivered bodies")
            .isEqualTo(first.files().size());
        assertThat(resync.bodiesUploaded()).isZero();
        assertDeliveredExactlyOnce(receiver.ledger(), expected, rig.store());
        assertThat(Delivery.answersPerKey(receiver.ledger(), "already_exists"))
            .hasSize(first.files().size())
            .allSatisfy((key, n) -> assertThat(n).isEqualTo(1L));
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
