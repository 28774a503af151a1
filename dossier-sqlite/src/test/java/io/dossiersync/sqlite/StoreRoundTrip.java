package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.claimAll;
import static io.dossiersync.sqlite.TestTasks.namespace;
import static io.dossiersync.sqlite.TestTasks.snapshotEvent;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.HealthUpdate;
import io.dossiersync.core.queue.Settlement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The main of a child JVM that runs one store's whole life on a fresh file: open (the schema is
 * created), enqueue a dossier, claim both queues, settle, read stats and health, close. Prints what
 * it read, so that the parent can tell the round trip ran.
 */
public final class StoreRoundTrip {

  private static final NamespaceRef NS = namespace("047-runtime");

  private StoreRoundTrip() {}

  /**
   * Runs the round trip.
   *
   * @param args the queue file
   */
  public static void main(String[] args) {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    Duration lease = Duration.ofMinutes(2);
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(Path.of(args[0])).build()) {
      store.enqueueDossier(
          List.of(snapshotEvent(NS)),
          List.of(
              new BodyUploadTask(
                  "01KT5YTQ0000000000000000B1", NS, "research/a.md", "a".repeat(64), "body a", 6)),
          now);
      List<ClaimedEvent> events = store.events().claim(claimAll(5, now, lease, "child"));
      List<ClaimedBody> bodies = store.bodies().claim(claimAll(5, now, lease, "child"));
      int settled =
          store
                  .events()
                  .settle(events.stream().map(e -> Settlement.complete(e, now)).toList())
                  .size()
              + store
                  .bodies()
                  .settle(bodies.stream().map(b -> Settlement.complete(b, now)).toList())
                  .size();
      store.health().record(HealthUpdate.heartbeat(now));
      System.out.println("settled " + settled);
      System.out.println(
          "pending " + (store.stats(now).events().pending() + store.stats(now).bodies().pending()));
      System.out.println("health " + store.health().read());
    }
  }
}
