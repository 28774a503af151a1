package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.TransportOutcome;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole-batch rows of the answer table of PRODUCT.md §4.2, as the drain applies them. */
class EventAnswerTableTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void a413SplitsTheBatchInHalvesUntilEachFits() {
    bench.enqueueEvents(ns, 8);
    bench.answerEvents(batch -> batch.size() > 2 ? tooLarge() : accept(batch));

    DrainReport report = bench.drainOnce();

    assertThat(report.eventsSent()).isEqualTo(8);
    assertThat(report.eventsFailed()).isZero();
    assertThat(bench.events.batches()).extracting(List::size).containsExactly(8, 4, 2, 2, 4, 2, 2);
    assertThat(bench.pendingEvents()).isZero();
  }

  @Test
  void aSingleEventAnswered413GoesToTheFailureRecords() {
    List<EventRecord> events = bench.enqueueEvents(ns, 3);
    String big = events.get(1).eventId();
    bench.answerEvents(batch -> contains(batch, Set.of(big)) ? tooLarge() : accept(batch));

    DrainReport report = bench.drainOnce();

    assertThat(report.eventsSent()).isEqualTo(2);
    assertThat(report.eventsFailed()).isEqualTo(1);
    assertThat(bench.store.failures().list(10))
        .extracting(FailureRecord::reason)
        .containsExactly("rejected: payload_too_large");
    assertThat(bench.listener.tasks)
        .filteredOn(t -> t.status() == TaskStatus.FAILED)
        .extracting(TaskResult::taskId, TaskResult::httpStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(big, 413));
  }

  @Test
  void a400BisectsUntilTheOnePoisonEventOfAHundredIsIsolated() {
    DrainReport report =
        aHundredEventsPoisonedAt("validation_error: payload.relative_path is required", 37);

    assertThat(report.eventsSent()).isEqualTo(99);
    assertThat(report.eventsFailed()).isEqualTo(1);
    assertThat(bench.store.failures().list(10))
        .extracting(FailureRecord::reason)
        .containsExactly("rejected: validation_error: payload.relative_path is required");
    assertThat(bench.events.batches().size()).isLessThanOrEqualTo(1 + 2 * 7);
    assertThat(bench.pendingEvents()).isZero();
  }

  @Test
  void a400BisectsUntilTwoPoisonEventsOfAHundredAreIsolated() {
    DrainReport report = aHundredEventsPoisonedAt("validation_error", 3, 90);

    assertThat(report.eventsSent()).isEqualTo(98);
    assertThat(report.eventsFailed()).isEqualTo(2);
    assertThat(bench.store.failures().list(10))
        .extracting(FailureRecord::reason)
        .containsOnly("rejected: validation_error");
    assertThat(bench.pendingEvents()).isZero();
  }

  @Test
  void anUnexpectedStatusKeepsTheBatchAndCountsTowardTheCeiling() {
    bench.enqueueEvents(ns, 2);
    bench.answerEvents(
        batch ->
            EventBatchResult.notDelivered(
                TransportOutcome.UNEXPECTED_STATUS,
                302,
                "unexpected_status: 302",
                Optional.empty()));

    DrainReport report;
    try (DrainEngine engine = bench.builder().retryCeiling(3).build()) {
      DrainReport first = engine.drainOnce();
      assertThat(first.eventsRetry()).isEqualTo(2);
      assertThat(bench.store.failures().count()).isZero();
      report = engine.drainUntilEmpty(Duration.ofHours(1));
    }

    assertThat(bench.events.batches()).hasSize(3);
    assertThat(report.eventsFailed()).isEqualTo(2);
    assertThat(bench.store.failures().list(10))
        .extracting(FailureRecord::reason)
        .containsOnly("retry_ceiling: unexpected_status: 302");
  }

  @Test
  void aRetryableAnswerKeepsTheWholeBatchHonouringRetryAfter() {
    bench.enqueueEvents(ns, 3);
    bench.answerEvents(batch -> DrainFixture.BATCH_RATE_LIMITED_30_S);

    DrainReport report = bench.drainOnce();

    assertThat(report.eventsRetry()).isEqualTo(3);
    assertThat(bench.listener.tasks)
        .extracting(TaskResult::nextAttemptAt)
        .containsOnly(Optional.of(bench.clock.instant().plusSeconds(30)));
    assertThat(bench.events.batches()).hasSize(1);
  }

  @Test
  void aBodyWhoseIndexEventFailedFollowsItAndComesBackWithItsRequeue() {
    EventRecord spec = bench.enqueueEvent(ns, "spec.md");
    bench.enqueueEvent(ns, "plan.md");
    bench.enqueueBody(ns, "spec.md");
    bench.enqueueBody(ns, "plan.md");
    bench.answerEvents(poisoned(Set.of(spec.eventId()), "validation_error: bad"));

    DrainReport report = bench.drainOnce();

    assertThat(report.eventsFailed()).isEqualTo(1);
    assertThat(bench.content.requests())
        .extracting(r -> r.artifactPath())
        .containsExactly("plan.md");
    assertThat(bench.store.failures().list(10))
        .extracting(FailureRecord::reason)
        .containsExactlyInAnyOrder(
            "rejected: validation_error: bad", DrainReasons.INDEX_EVENT_FAILED);
    long eventRecord =
        bench.store.failures().list(10).stream()
            .filter(r -> r.reason().startsWith("rejected"))
            .findFirst()
            .orElseThrow()
            .id();

    assertThat(bench.store.failures().requeue(List.of(eventRecord), bench.clock.instant()))
        .isEqualTo(2);
    bench.answerEvents(DrainFixture.acceptAll());
    DrainReport again = bench.drainOnce();

    assertThat(again.eventsSent()).isEqualTo(1);
    assertThat(again.bodiesUploaded()).isEqualTo(1);
    assertThat(bench.store.failures().count()).isZero();
    assertThat(bench.pendingBodies()).isZero();
  }

  /**
   * One round over a hundred events whose receiver answers 400 {@code reason} to every batch that
   * holds one of the events at {@code poisonAt}.
   */
  private DrainReport aHundredEventsPoisonedAt(String reason, int... poisonAt) {
    List<EventRecord> events = bench.enqueueEvents(ns, 100);
    Set<String> poison =
        Arrays.stream(poisonAt).mapToObj(i -> events.get(i).eventId()).collect(Collectors.toSet());
    bench.answerEvents(poisoned(poison, reason));
    return bench.drainOnce();
  }

  private static Function<List<EventRecord>, EventBatchResult> poisoned(
      Set<String> poison, String reason) {
    return batch ->
        contains(batch, poison)
            ? EventBatchResult.notDelivered(TransportOutcome.INVALID, 400, reason, Optional.empty())
            : accept(batch);
  }

  private static boolean contains(List<EventRecord> batch, Set<String> ids) {
    return batch.stream().anyMatch(e -> ids.contains(e.eventId()));
  }

  private static EventBatchResult tooLarge() {
    return EventBatchResult.notDelivered(
        TransportOutcome.TOO_LARGE, 413, "payload_too_large", Optional.empty());
  }

  private static EventBatchResult accept(List<EventRecord> batch) {
    return DrainFixture.acceptAll().apply(batch);
  }
}
