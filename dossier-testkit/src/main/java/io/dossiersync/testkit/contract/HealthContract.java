package io.dossiersync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.HealthUpdate;
import io.dossiersync.core.queue.OldestPending;
import io.dossiersync.core.queue.QueueHealth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Health rules (PRODUCT.md §3, §6 {@code status}): a store keeps the times of the last delivery and
 * attempt, the last error and the drainer heartbeat that drains record, folded as {@link
 * QueueHealth#plus} says; and it names its oldest pending task of either queue.
 *
 * @since 0.1.0
 */
public interface HealthContract extends ContractFixture {

  /** A new store has recorded nothing and has no pending task. */
  @Test
  default void aNewStoreHasNoHealthAndNoOldestTask() {
    assertThat(store().health().read()).isEqualTo(QueueHealth.none());
    assertThat(store().health().oldestPending()).isEmpty();
  }

  /** Rounds fold in: times move forward, an error stays until a delivery without error. */
  @Test
  default void recordedRoundsFoldIntoTheHealth() {
    store()
        .health()
        .record(
            new HealthUpdate(
                T0.plusSeconds(2),
                Optional.of(T0.plusSeconds(1)),
                Optional.of(T0.plusSeconds(1)),
                Optional.empty()));
    store()
        .health()
        .record(
            new HealthUpdate(
                T0.plusSeconds(4),
                Optional.of(T0.plusSeconds(3)),
                Optional.empty(),
                Optional.of("http_503 (body spec.md)")));
    assertThat(store().health().read())
        .isEqualTo(
            new QueueHealth(
                Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(3)),
                Optional.of("http_503 (body spec.md)"), Optional.of(T0.plusSeconds(4))));
    store().health().record(HealthUpdate.heartbeat(T0.plusSeconds(5)));
    assertThat(store().health().read().lastError()).contains("http_503 (body spec.md)");
    assertThat(store().health().read().drainerHeartbeatAt()).contains(T0.plusSeconds(5));
    store()
        .health()
        .record(
            new HealthUpdate(
                T0.plusSeconds(7),
                Optional.of(T0.plusSeconds(6)),
                Optional.of(T0.plusSeconds(6)),
                Optional.empty()));
    assertThat(store().health().read())
        .isEqualTo(
            new QueueHealth(
                Optional.of(T0.plusSeconds(6)),
                Optional.of(T0.plusSeconds(6)),
                Optional.empty(),
                Optional.of(T0.plusSeconds(7))));
  }

  /** A recorded error is kept as one line of bounded length. */
  @Test
  default void aRecordedErrorIsOneBoundedLine() {
    store()
        .health()
        .record(
            new HealthUpdate(
                T0,
                Optional.of(T0),
                Optional.empty(),
                Optional.of("first\nsecond " + "x".repeat(1000))));
    String error = store().health().read().lastError().orElseThrow();
    assertThat(error)
        .startsWith("first second x")
        .doesNotContain("\n")
        .hasSize(QueueHealth.MAX_ERROR_LENGTH);
  }

  /** The oldest pending task is the one created first, of either queue. */
  @Test
  default void theOldestPendingTaskComesFromEitherQueue() {
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0.plusSeconds(5));
    assertThat(store().health().oldestPending())
        .contains(new OldestPending(FailureKind.BODY, "047-alpha", "spec.md", T0.plusSeconds(5)));
    store().events().enqueue(List.of(event(NS_B, null)), T0);
    OldestPending oldest = store().health().oldestPending().orElseThrow();
    assertThat(oldest.kind()).isEqualTo(FailureKind.EVENT);
    assertThat(oldest.createdAt()).isEqualTo(T0);
    assertThat(oldest.age(T0.plusSeconds(9)).toSeconds()).isEqualTo(9);
  }
}
