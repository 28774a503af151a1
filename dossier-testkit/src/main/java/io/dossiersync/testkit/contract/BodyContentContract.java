package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Body content rules (PRODUCT.md §2): a body is any valid UTF-8, and a store keeps it byte for
 * byte, U+0000 included (PostgreSQL {@code text} cannot hold it; three real features have one),
 * through enqueue, claim, failure and re-queue, so that its content hash still holds.
 *
 * @since 1.1.0
 */
public interface BodyContentContract extends ContractFixture {

  /** Valid UTF-8 that a text column may not keep: U+0000, a surrogate pair, CR LF, U+FFFF. */
  String AWKWARD = "# nul\u0000inside\r\nend \uD83D\uDE00 \uFFFF \u0000\u0000\n\u0000";

  /**
   * A body holding U+0000 enqueues with the rest of its feature and claims back byte-identical, its
   * hash unchanged.
   */
  @Test
  default void aBodyWithUPlus0000EnqueuesAndClaimsBackByteIdentical() {
    BodyUploadTask task = awkward("spec.md");
    BodyUploadTask plain = body(NS_A, "plan.md", 2);
    DossierEnqueueResult result =
        store().enqueueDossier(List.of(event(NS_A, null)), List.of(task, plain), T0);
    assertThat(result.bodies().statuses())
        .containsExactly(EnqueueStatus.ENQUEUED, EnqueueStatus.ENQUEUED);
    List<ClaimedBody> claimed = store().bodies().claim(request(10, T0, "d"));
    assertThat(claimed).extracting(ClaimedBody::task).containsExactly(task, plain);
    assertKeptByteForByte(claimed.get(0).task());
  }

  /** A failed body holding U+0000 comes back byte-identical when its record is re-queued. */
  @Test
  default void aBodyWithUPlus0000SurvivesFailureAndRequeue() {
    BodyUploadTask task = awkward("research/notes.md");
    failBody(task, T0.plusSeconds(1));
    Instant later = T0.plusSeconds(10);
    assertThat(store().failures().requeueAll(later)).isEqualTo(1);
    assertThat(store().bodies().claim(request(10, later, "d")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.task()).isEqualTo(task);
              assertKeptByteForByte(c.task());
            });
  }

  /**
   * A task whose body is {@link #AWKWARD}, hashed and sized as the indexer would.
   *
   * @param path its artifact path in {@link #NS_A}
   * @return the task
   */
  default BodyUploadTask awkward(String path) {
    BodyUploadTask shape = body(NS_A, path, 1);
    byte[] bytes = AWKWARD.getBytes(StandardCharsets.UTF_8);
    return new BodyUploadTask(shape.uploadId(), NS_A, path, sha256(bytes), AWKWARD, bytes.length);
  }

  /**
   * Checks that a claimed body has the bytes of {@link #AWKWARD} and still matches its hash.
   *
   * @param claimed the task as the store gave it back
   */
  default void assertKeptByteForByte(BodyUploadTask claimed) {
    byte[] bytes = claimed.contentBody().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes).isEqualTo(AWKWARD.getBytes(StandardCharsets.UTF_8));
    assertThat(sha256(bytes)).isEqualTo(claimed.contentHash());
    assertThat((long) bytes.length).isEqualTo(claimed.sizeBytes());
  }

  /**
   * The lower-case hex SHA-256 of some bytes.
   *
   * @param bytes the bytes
   * @return 64 hex digits
   */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
