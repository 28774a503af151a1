package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.NS;
import static io.dossiersync.sqlite.TestTasks.T0;
import static io.dossiersync.sqlite.TestTasks.claimAll;
import static io.dossiersync.sqlite.TestTasks.snapshotEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim rewrites a row in place: the lease columns keep their encoded size (in both queues) and
 * sit before the body text, so leasing 64 bodies of 4 KiB writes the rows' b-tree pages only, never
 * the overflow pages that hold their text. Checked through the WAL, which holds one frame per page
 * written.
 */
class InPlaceClaimTest {

  /** Every body row's lease columns, as {@code lease_owner/lease_until/claimed_at}. */
  static final String BODY_LEASE_COLUMNS =
      "SELECT lease_owner || '/' || lease_until || '/' || claimed_at FROM body_queue";

  /**
   * The lease columns of a row that no one holds: the all-zero owner token, and for both instants
   * the fixed-width placeholder {@code 2^40} (an expired lease, so the row is claimable).
   */
  static final String NO_LEASE = "0".repeat(32) + "/" + (1L << 40) + "/" + (1L << 40);

  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final int BODIES = 64;

  @TempDir Path dir;

  @Test
  void claimingBodiesWritesFarFewerPagesThanTheirText() throws Exception {
    Path file = dir.resolve("queue.db");
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.bodies().enqueue(bodies(), T0);
      walFrames(file, "TRUNCATE");

      List<ClaimedBody> claimed = store.bodies().claim(claimAll(BODIES, T0, LEASE, "drainer-1"));

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
      assertThat(SqliteFiles.strings(file, BODY_LEASE_COLUMNS)).containsExactly(NO_LEASE);

      ClaimedBody claimed =
          store
              .bodies()
              .claim(claimAll(1, T0, LEASE, "drainer-with-a-rather-long-owner-id-42"))
              .get(0);

      assertThat(claimed.lease().owner()).isEqualTo("drainer-with-a-rather-long-owner-id-42");
      assertThat(claimed.lease().until()).isEqualTo(T0.plus(LEASE));
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
      assertThat(store.bodies().claim(claimAll(5, T0, LEASE, "other"))).hasSize(1);
      assertThat(store.bodies().settle(List.of(Settlement.complete(claimed, T0)))).hasSize(1);
    }
  }

  @Test
  void aReleasedBodyGetsTheNoLeaseValuesBackAndIsClaimedInPlaceAgain() throws Exception {
    Path file = dir.resolve("queue.db");
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.bodies().enqueue(bodies(), T0);
      List<ClaimedBody> first = store.bodies().claim(claimAll(BODIES, T0, LEASE, "drainer-1"));
      first.forEach(
          b -> assertThat(store.bodies().settle(List.of(Settlement.release(b, T0)))).hasSize(1));
      assertThat(SqliteFiles.strings(file, BODY_LEASE_COLUMNS)).containsExactly(NO_LEASE);
      walFrames(file, "TRUNCATE");

      List<ClaimedBody> second = store.bodies().claim(claimAll(BODIES, T0, LEASE, "drainer-2"));

      assertThat(second).hasSize(BODIES);
      assertThat(walFrames(file, "PASSIVE")).isPositive().isLessThan(BODIES / 4);
    }
  }

  @Test
  void eventRowsUseTheSameLeaseValues() throws Exception {
    Path file = dir.resolve("queue.db");
    try (QueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.events().enqueue(List.of(snapshotEvent(NS)), T0);
      assertThat(SqliteFiles.text(file, "SELECT lease_owner FROM event_queue"))
          .isEqualTo("0".repeat(32));

      List<ClaimedEvent> claimed = store.events().claim(claimAll(5, T0, LEASE, "drainer-9"));
      assertThat(SqliteFiles.text(file, "SELECT lease_owner FROM event_queue"))
          .isEqualTo(token("drainer-9"));
      assertThat(
              store.events().settle(claimed.stream().map(c -> Settlement.release(c, T0)).toList()))
          .hasSize(1);

      assertThat(
              SqliteFiles.text(
                  file, "SELECT lease_owner || '/' || lease_until FROM" + " event_queue"))
          .isEqualTo("0".repeat(32) + "/" + (1L << 40));
      assertThat(store.events().claim(claimAll(5, T0, LEASE, "other"))).hasSize(1);
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
