package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.InMemoryQueueStore;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueTestData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveredBodiesTest {

  private final InMemoryQueueStore store = InMemoryQueueStore.create();
  private final Map<String, Boolean> reported = new ConcurrentHashMap<>();
  private final Map<String, String> storeErrors = new ConcurrentHashMap<>();

  private List<ClaimedBody> claimThree() {
    store.bodies().enqueue(List.of(QueueTestData.body("a.md", "h1"),
        QueueTestData.body("b.md", "h2"), QueueTestData.body("c.md", "h3")), T0);
    return store.bodies().claim(QueueTestData.claim(10, T0, "drainer"));
  }

  private DeliveredBodies buffer(BodyQueue queue, int batchSize) {
    return buffer(queue, batchSize, Runnable::run);
  }

  private DeliveredBodies buffer(BodyQueue queue, int batchSize, Executor writer) {
    return new DeliveredBodies(queue, batchSize, writer,
        (d, deleted) -> reported.put(d.body().task().artifactPath(), deleted),
        (d, e) -> storeErrors.put(d.body().task().artifactPath(), e.getMessage()));
  }

  @Test
  void deliveriesAreDeletedOnlyWhenTheBatchIsFullOrFlushed() {
    List<ClaimedBody> claimed = claimThree();
    DeliveredBodies delivered = buffer(store.bodies(), 2);

    delivered.add(claimed.get(0), TaskStatus.UPLOADED, "stored");
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(3);
    assertThat(reported).isEmpty();

    delivered.add(claimed.get(1), TaskStatus.ALREADY_EXISTS, "already_exists");
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
    assertThat(reported).containsOnlyKeys("a.md", "b.md").containsValue(true);

    delivered.add(claimed.get(2), TaskStatus.UPLOADED, "stored");
    delivered.flush();
    assertThat(store.bodies().pending(ProjectScope.all())).isZero();
    assertThat(reported).containsEntry("c.md", true);
  }

  @Test
  void afterCloseEveryDeliveryIsWrittenAtOnce() {
    List<ClaimedBody> claimed = claimThree();
    DeliveredBodies delivered = buffer(store.bodies(), 100);
    delivered.add(claimed.get(0), TaskStatus.UPLOADED, "stored");

    delivered.close();
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2);

    delivered.add(claimed.get(1), TaskStatus.UPLOADED, "stored");
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
    assertThat(reported).containsOnlyKeys("a.md", "b.md");
  }

  @Test
  void aLostLeaseIsReportedAsNotDeleted() {
    List<ClaimedBody> claimed = claimThree();
    store.purge(PurgeScope.project(QueueTestData.PROJECT_A), false);
    DeliveredBodies delivered = buffer(store.bodies(), 100);

    delivered.add(claimed.get(0), TaskStatus.UPLOADED, "stored");
    delivered.close();

    assertThat(reported).containsEntry("a.md", false);
  }

  @Test
  void aStoreErrorHandsEveryBodyOfTheBatchBack() {
    List<ClaimedBody> claimed = claimThree();
    CountDownLatch fired = new CountDownLatch(1);
    BodyQueue failing = FaultyStore.failingOnce(store, "bodies", "completeAll", fired).bodies();
    DeliveredBodies delivered = buffer(failing, 2);

    delivered.add(claimed.get(0), TaskStatus.UPLOADED, "stored");
    delivered.add(claimed.get(1), TaskStatus.UPLOADED, "stored");

    assertThat(fired.getCount()).isZero();
    assertThat(storeErrors).containsOnlyKeys("a.md", "b.md");
    assertThat(reported).isEmpty();
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(3);
  }

  @Test
  void aFullBatchIsWrittenByTheWriterAndFlushWaitsForIt() throws InterruptedException {
    List<ClaimedBody> claimed = claimThree();
    Map<String, String> writtenBy = new ConcurrentHashMap<>();
    ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "writer"));
    try {
      DeliveredBodies delivered = new DeliveredBodies(store.bodies(), 2, writer,
          (d, deleted) -> writtenBy.put(d.body().task().artifactPath(),
              Thread.currentThread().getName()),
          (d, e) -> storeErrors.put(d.body().task().artifactPath(), e.getMessage()));

      delivered.add(claimed.get(0), TaskStatus.UPLOADED, "stored");
      delivered.add(claimed.get(1), TaskStatus.UPLOADED, "stored");
      delivered.add(claimed.get(2), TaskStatus.UPLOADED, "stored");
      delivered.flush();

      assertThat(store.bodies().pending(ProjectScope.all())).isZero();
      assertThat(writtenBy).containsEntry("a.md", "writer").containsEntry("b.md", "writer")
          .containsEntry("c.md", Thread.currentThread().getName());
    } finally {
      writer.shutdown();
      assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void whenTheWriterIsBehindTheSenderWritesTheBatchItself() {
    List<ClaimedBody> claimed = claimThree();
    CountDownLatch writerFree = new CountDownLatch(1);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Executor stalled = task -> writer.execute(() -> {
      try {
        writerFree.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      task.run();
    });
    try {
      DeliveredBodies delivered = buffer(store.bodies(), 1, stalled);
      delivered.add(claimed.get(0), TaskStatus.UPLOADED, "stored");
      delivered.add(claimed.get(1), TaskStatus.UPLOADED, "stored");
      assertThat(DeliveredBodies.QUEUED_WRITES).isEqualTo(2);
      assertThat(reported).isEmpty();

      delivered.add(claimed.get(2), TaskStatus.UPLOADED, "stored");
      assertThat(reported).containsOnlyKeys("c.md");
      assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2);

      writerFree.countDown();
      delivered.flush();
      assertThat(reported).containsOnlyKeys("a.md", "b.md", "c.md");
      assertThat(store.bodies().pending(ProjectScope.all())).isZero();
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void aRejectedBatchIsWrittenByTheSender() {
    List<ClaimedBody> claimed = claimThree();
    DeliveredBodies delivered = buffer(store.bodies(), 1, task -> {
      throw new RejectedExecutionException("writer shut down");
    });

    delivered.add(claimed.get(0), TaskStatus.UPLOADED, "stored");

    assertThat(reported).containsEntry("a.md", true);
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2);
    delivered.flush();
    delivered.add(claimed.get(1), TaskStatus.UPLOADED, "stored");
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(1);
  }

  @Test
  void aBufferedDeliveryKeepsNoBodyText() {
    List<ClaimedBody> claimed = claimThree();
    List<ClaimedBody> completed = new java.util.ArrayList<>();
    DeliveredBodies delivered = new DeliveredBodies(store.bodies(), 10, Runnable::run,
        (d, deleted) -> completed.add(d.body()), (d, e) -> { });

    delivered.add(claimed.get(0), TaskStatus.UPLOADED, "stored");
    delivered.close();

    assertThat(claimed.get(0).task().contentBody()).isNotEmpty();
    assertThat(completed).singleElement().satisfies(b -> {
      assertThat(b.task().contentBody()).isEmpty();
      assertThat(b.task().uploadId()).isEqualTo(claimed.get(0).task().uploadId());
      assertThat(b.task().contentHash()).isEqualTo(claimed.get(0).task().contentHash());
      assertThat(b.lease()).isEqualTo(claimed.get(0).lease());
    });
    assertThat(store.bodies().pending(ProjectScope.all())).isEqualTo(2);
  }
}
