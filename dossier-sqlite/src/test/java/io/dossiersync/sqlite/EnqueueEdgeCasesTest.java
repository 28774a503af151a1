package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.NS;
import static io.dossiersync.sqlite.TestTasks.T0;
import static io.dossiersync.sqlite.TestTasks.claimAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store's choices where the port leaves room: a full queue still reports pending tasks
 * as {@code ALREADY_IN_QUEUE} and still accepts a task that replaces an older version; coalescing
 * inside one batch; re-queueing into a full queue keeps the record; capacity counts the pending
 * rows, not the span of their row ids.
 */
class EnqueueEdgeCasesTest {

  @TempDir Path dir;
  private int ids;

  @Test
  void fullBodyQueueStillReportsPendingTasksAndAcceptsReplacements() {
    try (QueueStore store = store(2)) {
      store.bodies().enqueue(List.of(body("a.md", "1"), body("b.md", "1")), T0);
      EnqueueResult result =
          store
              .bodies()
              .enqueue(List.of(body("c.md", "1"), body("a.md", "1"), body("b.md", "2")), T0);
      assertThat(result.statuses())
          .containsExactly(
              EnqueueStatus.QUEUE_FULL, EnqueueStatus.ALREADY_IN_QUEUE, EnqueueStatus.ENQUEUED);
      assertThat(result.superseded()).isEqualTo(1);
      assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2);
    }
  }

  @Test
  void fullEventQueueStillReportsPendingEventsAndAcceptsCoalescingOnes() {
    try (QueueStore store = store(1)) {
      EventRecord first = event("snapshot|A");
      store.events().enqueue(List.of(first), T0);
      EnqueueResult result =
          store.events().enqueue(List.of(event(null), first, event("snapshot|A")), T0);
      assertThat(result.statuses())
          .containsExactly(
              EnqueueStatus.QUEUE_FULL, EnqueueStatus.ALREADY_IN_QUEUE, EnqueueStatus.ENQUEUED);
      assertThat(result.superseded()).isEqualTo(1);
    }
  }

  @Test
  void aQueueWithGapsInItsRowIdsStillFillsToExactlyItsCapacity() {
    try (QueueStore store = store(4)) {
      store
          .bodies()
          .enqueue(
              List.of(body("a.md", "1"), body("b.md", "1"), body("c.md", "1"), body("d.md", "1")),
              T0);
      store.events().enqueue(List.of(event(null), event(null), event(null), event(null)), T0);
      List<ClaimedBody> claimed = store.bodies().claim(claim());
      assertThat(store.bodies().settle(List.of(Settlement.complete(claimed.get(1), T0))))
          .hasSize(1);
      assertThat(store.bodies().settle(List.of(Settlement.complete(claimed.get(2), T0))))
          .hasSize(1);
      List<ClaimedEvent> events = store.events().claim(claim());
      assertThat(
              store
                  .events()
                  .settle(
                      events.subList(1, 3).stream().map(c -> Settlement.complete(c, T0)).toList()))
          .hasSize(2);

      assertThat(
              store
                  .bodies()
                  .enqueue(List.of(body("e.md", "1"), body("f.md", "1"), body("g.md", "1")), T0)
                  .statuses())
          .containsExactly(
              EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED, EnqueueStatus.QUEUE_FULL);
      assertThat(
              store.events().enqueue(List.of(event(null), event(null), event(null)), T0).statuses())
          .containsExactly(
              EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED, EnqueueStatus.QUEUE_FULL);
      assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(4);
      assertThat(store.events().pending(ProjectScope.all())).isEqualTo(4);
    }
  }

  @Test
  void eventsOfOneKeyInOneBatchCoalesceToTheLast() {
    try (QueueStore store = store(100)) {
      EventRecord last = event("indexed|A|spec.md");
      EnqueueResult result =
          store
              .events()
              .enqueue(List.of(event("indexed|A|spec.md"), event("indexed|A|spec.md"), last), T0);
      assertThat(result.statuses()).containsOnly(EnqueueStatus.ENQUEUED);
      assertThat(result.superseded()).isEqualTo(2);
      assertThat(store.events().claim(claim()))
          .singleElement()
          .satisfies(c -> assertThat(c.event()).isEqualTo(last));
    }
  }

  @Test
  void requeueIntoAFullQueueKeepsTheRecordAndANewerCoalescedEventDropsIt() {
    try (QueueStore store = store(1)) {
      store.bodies().enqueue(List.of(body("a.md", "1")), T0);
      store
          .bodies()
          .settle(List.of(Settlement.fail(store.bodies().claim(claim()).get(0), "http_400", T0)));
      store.bodies().enqueue(List.of(body("b.md", "1")), T0);
      assertThat(store.failures().requeueAll(T0)).isZero();
      assertThat(store.failures().count()).isEqualTo(1);

      store.events().enqueue(List.of(event("snapshot|A")), T0);
      store
          .events()
          .settle(List.of(Settlement.fail(store.events().claim(claim()).get(0), "rejected", T0)));
      store.events().enqueue(List.of(event("snapshot|A")), T0);
      assertThat(store.failures().requeueAll(T0)).isZero();
      assertThat(store.failures().list(10))
          .singleElement()
          .satisfies(r -> assertThat(r.artifactPath()).contains("a.md"));
    }
  }

  private QueueStore store(int maxQueueSize) {
    return SqliteQueueStore.builder()
        .path(dir.resolve("q" + maxQueueSize + ".db"))
        .maxQueueSize(maxQueueSize)
        .build();
  }

  private static ClaimRequest claim() {
    return claimAll(10, T0, Duration.ofMinutes(1), "d");
  }

  private BodyUploadTask body(String path, String hash) {
    return new BodyUploadTask(nextId(), NS, path, hash.repeat(64), "# " + path, 2 + path.length());
  }

  private EventRecord event(String coalesceKey) {
    String id = nextId();
    return new EventRecord(
        id,
        "MissionDossierSnapshotComputed",
        "047-alpha:" + id,
        NS,
        Optional.ofNullable(coalesceKey),
        "{\"event_id\":\"" + id + "\"}");
  }

  private String nextId() {
    return String.format("01KT5YTQ%018d", ++ids);
  }
}
