package io.dossiersync.sqlite;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.HealthUpdate;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The main of a child JVM that runs one store's whole life on a fresh file: open (the schema is
 * created), enqueue a dossier, claim both queues, settle, read stats and health, close. Prints what
 * it read, so that the parent can tell the round trip ran.
 */
public final class StoreRoundTrip {

  private static final NamespaceRef NS =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "047-runtime", "main", "software-dev", "1");

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
          List.of(
              new EventRecord(
                  "01KT5YTQ0000000000000000EV",
                  "MissionDossierSnapshotComputed",
                  "047-runtime:s1",
                  NS,
                  Optional.empty(),
                  "{}")),
          List.of(
              new BodyUploadTask(
                  "01KT5YTQ0000000000000000B1", NS, "research/a.md", "a".repeat(64), "body a", 6)),
          now);
      List<ClaimedEvent> events =
          store.events().claim(new ClaimRequest(5, now, lease, "child", ProjectScope.all(), false));
      List<ClaimedBody> bodies =
          store.bodies().claim(new ClaimRequest(5, now, lease, "child", ProjectScope.all(), false));
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
