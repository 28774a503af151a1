package io.dossiersync.postgres;

import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Child JVM of {@link ClusterDrainTest}: drains the body queue of one PostgreSQL schema as a
 * drainer would, with the "receiver" being its stdout: {@code sent <id> <epoch ms>} when it pushes
 * a claimed task, {@code completed <id>} once the fenced completion deleted it. Exits when the
 * queue is empty; a drainer told to hang does so after that many batches, holding the next batch
 * unsent (printing {@code holding}), until it is killed.
 */
public final class ClusterDrainer {

  private ClusterDrainer() {}

  /**
   * Drains until the queue is empty.
   *
   * @param args JDBC URL, schema, lease owner, lease in ms, batches before hanging (-1: never)
   * @throws Exception when the drainer cannot run; the test fails on the exit code
   */
  public static void main(String[] args) throws Exception {
    Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
    int hangAfter = Integer.parseInt(args[4]);
    int batches = 0;
    PrintStream out = new PrintStream(System.out, false, "UTF-8");
    try (PostgresQueueStore store =
        PostgresQueueStore.builder()
            .url(args[0])
            .schema(args[1])
            .maxQueueSize(Integer.MAX_VALUE)
            .build()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      while (System.nanoTime() < deadline) {
        Instant claimedAt = Instant.now(); // the lease runs from the claim's own "now"
        List<ClaimedBody> claimed =
            store
                .bodies()
                .claim(new ClaimRequest(64, claimedAt, lease, args[2], ProjectScope.all(), false));
        if (claimed.isEmpty()) {
          if (store.bodies().pending(ProjectScope.all()) == 0) {
            out.flush();
            return;
          }
          Thread.sleep(50);
          continue;
        }
        if (batches++ == hangAfter) {
          for (ClaimedBody body : claimed) {
            out.println("held " + body.task().uploadId() + " " + claimedAt.toEpochMilli());
          }
          out.println("holding");
          out.flush();
          Thread.sleep(Duration.ofMinutes(10).toMillis());
        }
        for (ClaimedBody body : claimed) {
          out.println("sent " + body.task().uploadId() + " " + System.currentTimeMillis());
        }
        out.flush();
        for (ClaimedBody done :
            store
                .bodies()
                .settle(claimed.stream().map(c -> Settlement.complete(c, Instant.EPOCH)).toList())
                .stream()
                .map(Settlement::claimed)
                .toList()) {
          out.println("completed " + done.task().uploadId());
        }
        out.flush();
      }
      System.exit(3);
    }
  }
}
