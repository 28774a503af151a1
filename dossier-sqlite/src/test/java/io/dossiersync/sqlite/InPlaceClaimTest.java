package io.dossiersync.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim rewrites a row in place: the lease columns keep their encoded size (in both queues) and
 * sit before the body text, so leasing 64 bodies of 4 KiB writes the rows' b-tree pages only, never
 * the overflow pages that hold their text. Checked through the WAL, which holds one frame per page
 * written.
 */
class InPlaceClaimTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final NamespaceRef NS =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "047-alpha", "main", "software-dev", "1");
  private static final int BODIES = 64;

  @TempDir Path dir;

  @Test
  void claimingBodiesWritesFarFewerPagesThanTheirText() throws Exception {
    Path file = dir.resolve("queue.db");
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.bodies().enqueue(bodies(), T0);
      walFrames(file, "TRUNCATE");

      List<ClaimedBody> claimed =
          store
              .bodies()
              .claim(
                  new ClaimRequest(
                      BODIES, T0, Duration.ofMinutes(2), "drainer-1", ProjectScope.all(), false));

      assertThat(claimed).hasSize(BODIES);
      // Rewriting each row whole would write at least its overflow page: >= 64 frames.
      assertThat(walFrames(file, "PASSIVE")).isPositive().isLessThan(BODIES / 4);
      assertThat(
              store
                  .bodies()
                  .settle(claimed.stream().map(c -> Settlement.complete(c, T0)).toList())
                  .stream()
                  .map(Settlement::claimed)
                  .toList())
          .hasSize(BODIES);
    }
  }

  @Test
  void leaseColumnsHoldFixedWidthValuesAndTheClaimReturnsTheRealOwner() throws Exception {
    Path file = dir.resolve("queue.db");
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.bodies().enqueue(bodies().subList(0, 2), T0);
      assertThat(
              SqliteFiles.strings(
                  file,
                  "SELECT lease_owner || '/' || lease_until || '/'"
                      + " || claimed_at FROM body_queue"))
          .containsExactly("0".repeat(32) + "/" + (1L << 40) + "/" + (1L << 40));

      ClaimedBody claimed =
          store
              .bodies()
              .claim(
                  new ClaimRequest(
                      1,
                      T0,
                      Duration.ofMinutes(2),
                      "drainer-with-a-rather-long-owner-id-42",
                      ProjectScope.all(),
                      false))
              .get(0);

      assertThat(claimed.lease().owner()).isEqualTo("drainer-with-a-rather-long-owner-id-42");
      assertThat(claimed.lease().until()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
      assertThat(
              SqliteFiles.text(
                  file,
                  "SELECT lease_owner FROM body_queue WHERE upload_id = '"
                      + claimed.task().uploadId()
                      + "'"))
          .isEqualTo(token("drainer-with-a-rather-long-owner-id-42"));
      assertThat(
              SqliteFiles.longValue(
                  file,
                  "SELECT count(*) FROM body_queue" + " WHERE lease_until > " + T0.toEpochMilli()))
          .isEqualTo(1);
      // The second body is still claimable: the placeholder lease is an expired one.
      assertThat(
              store
                  .bodies()
                  .claim(
                      new ClaimRequest(
                          5, T0, Duration.ofMinutes(2), "other", ProjectScope.all(), false)))
          .hasSize(1);
      assertThat(store.bodies().settle(List.of(Settlement.complete(claimed, T0)))).hasSize(1);
    }
  }

  @Test
  void aReleasedBodyGetsTheNoLeaseValuesBackAndIsClaimedInPlaceAgain() throws Exception {
    Path file = dir.resolve("queue.db");
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.bodies().enqueue(bodies(), T0);
      List<ClaimedBody> first =
          store
              .bodies()
              .claim(
                  new ClaimRequest(
                      BODIES, T0, Duration.ofMinutes(2), "drainer-1", ProjectScope.all(), false));
      first.forEach(
          b -> assertThat(store.bodies().settle(List.of(Settlement.release(b, T0)))).hasSize(1));
      assertThat(
              SqliteFiles.strings(
                  file,
                  "SELECT lease_owner || '/' || lease_until || '/'"
                      + " || claimed_at FROM body_queue"))
          .containsExactly("0".repeat(32) + "/" + (1L << 40) + "/" + (1L << 40));
      walFrames(file, "TRUNCATE");

      List<ClaimedBody> second =
          store
              .bodies()
              .claim(
                  new ClaimRequest(
                      BODIES, T0, Duration.ofMinutes(2), "drainer-2", ProjectScope.all(), false));

      assertThat(second).hasSize(BODIES);
      assertThat(walFrames(file, "PASSIVE")).isPositive().isLessThan(BODIES / 4);
    }
  }

  @Test
  void eventRowsUseTheSameLeaseValues() throws Exception {
    Path file = dir.resolve("queue.db");
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store
          .events()
          .enqueue(
              List.of(
                  new EventRecord(
                      "01KT5YTQ0000000000000000EV",
                      "MissionDossierSnapshotComputed",
                      "047-alpha:s1",
                      NS,
                      Optional.empty(),
                      "{}")),
              T0);
      assertThat(SqliteFiles.text(file, "SELECT lease_owner FROM event_queue"))
          .isEqualTo("0".repeat(32));

      List<ClaimedEvent> claimed =
          store
              .events()
              .claim(
                  new ClaimRequest(
                      5, T0, Duration.ofMinutes(2), "drainer-9", ProjectScope.all(), false));
      assertThat(SqliteFiles.text(file, "SELECT lease_owner FROM event_queue"))
          .isEqualTo(token("drainer-9"));
      assertThat(
              store.events().settle(claimed.stream().map(c -> Settlement.release(c, T0)).toList()))
          .hasSize(1);

      assertThat(
              SqliteFiles.text(
                  file, "SELECT lease_owner || '/' || lease_until FROM" + " event_queue"))
          .isEqualTo("0".repeat(32) + "/" + (1L << 40));
      assertThat(
              store
                  .events()
                  .claim(
                      new ClaimRequest(
                          5, T0, Duration.ofMinutes(2), "other", ProjectScope.all(), false)))
          .hasSize(1);
    }
  }

  private static long walFrames(Path file, String mode) throws SQLException {
    try (var c = SqliteFiles.open(file);
        var s = c.createStatement();
        var r = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      r.next();
      return r.getLong(2);
    }
  }

  private static List<BodyUploadTask> bodies() {
    List<BodyUploadTask> tasks = new ArrayList<>();
    for (int i = 0; i < BODIES; i++) {
      String text =
          ("# Body " + i + "\n" + "lorem ipsum dolor sit amet\n".repeat(152)).substring(0, 4096);
      tasks.add(
          new BodyUploadTask(
              String.format("01KT5YTQ%018d", i),
              NS,
              "docs/b" + i + ".md",
              sha256(text),
              text,
              text.getBytes(StandardCharsets.UTF_8).length));
    }
    return tasks;
  }

  private static String token(String owner) throws NoSuchAlgorithmException {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
