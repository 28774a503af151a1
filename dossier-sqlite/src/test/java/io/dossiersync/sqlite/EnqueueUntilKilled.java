package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.namespace;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Child JVM of {@link CrashDurabilityTest}: enqueues batches of bodies (and some events) into the
 * queue file until it is killed, printing {@code ack <upload_id>} for every task that an enqueue
 * call acknowledged, only after the call returned.
 */
public final class EnqueueUntilKilled {

  private EnqueueUntilKilled() {}

  /**
   * Runs until killed.
   *
   * @param args the queue file and a seed
   */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int seed = Integer.parseInt(args[1]);
    Random random = new Random(seed);
    NamespaceRef ns = namespace("crash-" + seed);
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(file).build()) {
      System.out.println("ready");
      System.out.flush();
      for (long batchNo = 0; ; batchNo++) {
        List<BodyUploadTask> batch = new ArrayList<>();
        int size = 1 + random.nextInt(40);
        for (int i = 0; i < size; i++) {
          String id = String.format(Locale.ROOT, "01%06d%018d", seed, batchNo * 100 + i);
          String text = "# body " + id + "\n" + "x".repeat(random.nextInt(16_384));
          batch.add(
              new BodyUploadTask(
                  id,
                  ns,
                  "research/" + id + ".md",
                  id + "0".repeat(38),
                  text,
                  text.getBytes(StandardCharsets.UTF_8).length));
        }
        EnqueueResult result = store.bodies().enqueue(batch, Instant.now());
        StringBuilder acks = new StringBuilder();
        for (int i = 0; i < size; i++) {
          if (result.statuses().get(i) != EnqueueStatus.QUEUE_FULL) {
            acks.append("ack ").append(batch.get(i).uploadId()).append('\n');
          }
        }
        System.out.print(acks);
        System.out.flush();
        if (batchNo % 5 == 0) {
          String eventId = String.format(Locale.ROOT, "01EV%04d%018d", seed, batchNo);
          store
              .events()
              .enqueue(
                  List.of(
                      new EventRecord(
                          eventId,
                          "MissionDossierSnapshotComputed",
                          ns.featureSlug() + ":" + batchNo,
                          ns,
                          Optional.of("snapshot|" + ns),
                          "{\"event_id\":\"" + eventId + "\"}")),
                  Instant.now());
        }
      }
    }
  }
}
