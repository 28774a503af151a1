package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.claimAll;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Child JVM of {@link TwoProcessDrainTest}: waits for a start signal, then drains the body queue
 * against a counting fake (a "send" is a short sleep), printing {@code claimed <id>} per claimed
 * task and {@code completed <id>} or {@code lost <id>} after completing it, until the queue is
 * empty.
 */
public final class DrainWorker {

  private static final Duration LEASE = Duration.ofMinutes(5);

  private DrainWorker() {}

  /**
   * Drains until the queue is empty.
   *
   * @param args the queue file, the lease owner, the start-signal file, the send time in ms
   * @throws Exception when the worker cannot run; the test then fails on the exit code
   */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String owner = args[1];
    Path go = Path.of(args[2]);
    long sendMillis = Long.parseLong(args[3]);
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(file).build()) {
      System.out.println("ready");
      System.out.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!Files.exists(go) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      while (System.nanoTime() < deadline) {
        List<ClaimedBody> claimed = store.bodies().claim(claimAll(5, Instant.now(), LEASE, owner));
        if (claimed.isEmpty()) {
          if (store.bodies().pending(ProjectScope.all()) == 0) {
            return;
          }
          Thread.sleep(10);
          continue;
        }
        for (ClaimedBody body : claimed) {
          System.out.println("claimed " + body.task().uploadId());
        }
        System.out.flush();
        for (ClaimedBody body : claimed) {
          Thread.sleep(sendMillis);
          boolean done =
              !store.bodies().settle(List.of(Settlement.complete(body, Instant.EPOCH))).isEmpty();
          System.out.println((done ? "completed " : "lost ") + body.task().uploadId());
        }
        System.out.flush();
      }
      System.exit(3);
    }
  }
}
