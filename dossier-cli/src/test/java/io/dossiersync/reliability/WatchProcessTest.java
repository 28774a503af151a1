package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReceivedEvent;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.CheckoutFixture;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dossier watch} end to end (PRODUCT.md §6): a child JVM watching a real {@code
 * kitty-specs} directory, queueing into a real SQLite file and delivering to the reference
 * receiver over loopback HTTP. One child runs the whole story, so the suite pays one JVM start:
 * the first sync is delivered; an edit of {@code spec.md} arrives within seconds with its new
 * hash; a new feature directory is picked up; a burst of 200 saves gives one re-sync; a rename
 * and a delete show in the next snapshot; edits made while the receiver is down arrive after it
 * returns; SIGTERM ends the child with exit 0 and an intact queue file, no body stored twice.
 */
class WatchProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DELIVERY_TIMEOUT_SECONDS = 30;

  @TempDir Path dir;

  @Test
  void watchDeliversEveryChangeAndStopsCleanlyOnSigterm() throws Exception {
    CheckoutFixture checkout = FeatureDirs.checkout(dir.resolve("checkout"))
        .feature("047-alpha", "main", "software-dev")
        .feature("048-beta", "main", "software-dev").build();
    FeatureFixture alpha = checkout.feature("047-alpha").orElseThrow();
    FeatureFixture beta = checkout.feature("048-beta").orElseThrow();
    Path db = dir.resolve("queue.db");
    List<ReferenceReceiver> receivers = new ArrayList<>();
    ReferenceReceiver first = Recovery.receiver();
    receivers.add(first);
    int port = first.port();
    try (ChildDossier watch = ChildDossier.start(Recovery.env(), "watch",
        checkout.kittySpecs().toString(), "--json", "--debounce-ms", "300",
        "--db", db.toString(), "--server", first.baseUri().toString())) {
      ReferenceReceiver receiver = first;
      awaitStored(receiver, alpha, "spec.md", "the first sync of 047-alpha");
      awaitStored(receiver, beta, "spec.md", "the first sync of 048-beta");

      Files.writeString(alpha.path("spec.md"), "# Alpha, edited\n\nA new paragraph.\n");
      long edited = System.nanoTime();
      awaitStored(receiver, alpha, "spec.md", "the edit of spec.md");
      long editMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - edited);
      assertThat(editMillis).as("edit delivered within a few seconds").isLessThan(10_000);

      FeatureFixture gamma = FeatureDirs.feature(checkout.kittySpecs(), "049-gamma")
          .text("meta.json", "{\"mission_slug\":\"049-gamma\",\"target_branch\":\"main\","
              + "\"mission_type\":\"software-dev\"}\n")
          .text("spec.md", "# Gamma\n").build();
      awaitStored(receiver, gamma, "spec.md", "the new feature 049-gamma");

      int alphaSyncsBefore = syncLines(watch, "047-alpha");
      for (int i = 0; i < 200; i++) {
        Files.writeString(alpha.path("plan.md"), "# Plan, save " + i + "\n");
      }
      awaitStored(receiver, alpha, "plan.md", "the last of 200 saves");
      Thread.sleep(600);
      assertThat(syncLines(watch, "047-alpha") - alphaSyncsBefore)
          .as("re-syncs of 047-alpha after 200 saves in one burst").isEqualTo(1);

      long totalBefore = lastSnapshotTotal(receiver, "047-alpha");
      Files.move(alpha.path("tasks/WP01.md"), alpha.path("tasks/WP09-renamed.md"));
      Files.delete(alpha.path("research.md"));
      await(() -> indexed(receiver, "047-alpha:tasks/WP09-renamed.md")
          && lastSnapshotTotal(receiver, "047-alpha") == totalBefore - 1,
          () -> "a snapshot without research.md and an index entry for the renamed file: "
              + receiver.ledger());

      receiver.close();
      Files.writeString(beta.path("spec.md"), "# Beta, edited while the receiver is down\n");
      await(() -> syncLines(watch, "048-beta") >= 2, () -> "the offline edit re-synced: "
          + watch.stdout());
      ReferenceReceiver second = ReferenceReceiver.builder().port(port).token(Recovery.TOKEN)
          .start();
      receivers.add(second);
      awaitStored(second, beta, "spec.md", "the offline edit, after the receiver returned");

      long stopAsked = System.nanoTime();
      watch.terminate();
      CliRun stopped = watch.await(15);
      long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAsked);
      assertThat(stopMillis).as("stop within 10 s").isLessThan(10_000 + 2_000);
      assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
      // Exit 0 (not 143) shows the signal reached the command's own stop path; its last stderr
      // lines are not asserted: the JDK may close the pipe while the reader still reads it.
    } finally {
      receivers.forEach(ReferenceReceiver::close);
    }
    assertThat(new QueueFile(db).integrityCheck()).isEqualTo("ok");
    for (ReferenceReceiver r : receivers) {
      assertThat(r.ledger().duplicateStores()).as("bodies stored twice").isEmpty();
    }
  }

  private static void awaitStored(ReferenceReceiver receiver, FeatureFixture feature,
      String path, String what) throws InterruptedException {
    String hash = feature.sha256(path);
    await(() -> receiver.ledger().storedBodies().keySet().stream().anyMatch(k ->
        k.namespace().featureSlug().equals(feature.slug()) && k.artifactPath().equals(path)
            && k.contentHash().equals(hash)),
        () -> what + ": " + feature.slug() + "/" + path + " " + hash + " not stored; stored: "
            + stored(receiver));
  }

  private static List<String> stored(ReferenceReceiver receiver) {
    return receiver.ledger().storedBodies().keySet().stream()
        .map((BodyKey k) -> k.namespace().featureSlug() + "/" + k.artifactPath()).toList();
  }

  private static boolean indexed(ReferenceReceiver receiver, String aggregateId) {
    return receiver.ledger().eventsReceived().stream()
        .anyMatch(e -> e.aggregateId().equals(aggregateId));
  }

  /** The artifact total of the last snapshot event received for a feature, -1 when none. */
  private static long lastSnapshotTotal(ReferenceReceiver receiver, String slug) {
    long total = -1;
    for (ReceivedEvent event : receiver.ledger().eventsReceived()) {
      if (event.eventType().endsWith("SnapshotComputed") && event.aggregateId().startsWith(slug)) {
        try {
          JsonNode counts = JSON.readTree(event.json()).at("/payload/artifact_counts/total");
          total = counts.isMissingNode() ? total : counts.asLong();
        } catch (java.io.IOException e) {
          throw new AssertionError("unreadable event " + event.json(), e);
        }
      }
    }
    return total;
  }

  /** The JSON lines the child printed for syncs of a feature. */
  private static int syncLines(ChildDossier watch, String slug) {
    return (int) watch.stdout().stream()
        .filter(l -> l.contains("\"feature\":\"" + slug + "\"") && l.contains("events_emitted"))
        .count();
  }

  private static void await(BooleanSupplier condition, Supplier<String> message)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DELIVERY_TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DELIVERY_TIMEOUT_SECONDS + " s: "
            + message.get());
      }
      Thread.sleep(50);
    }
  }
}
