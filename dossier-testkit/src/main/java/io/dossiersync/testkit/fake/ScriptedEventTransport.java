package io.dossiersync.testkit.fake;

import io.dossiersync.core.drain.Sleeper;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventResult;
import io.dossiersync.core.transport.EventResultStatus;
import io.dossiersync.core.transport.EventTransport;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An {@link EventTransport} that answers event batches from a script and records every batch.
 *
 * <p>Each batch takes the next answer scripted with {@link #thenAnswer}/{@link #thenReturn}; when
 * none is left, the default answer, which unless the builder says otherwise delivers the batch with
 * {@code success} for every event ({@link #everyEvent(EventResultStatus)}).
 *
 * <pre>{@code
 * ScriptedEventTransport events = ScriptedEventTransport.create();
 * events.thenReturn(
 *     EventBatchResult.notDelivered(TransportOutcome.RETRY, 503, "http_503", Optional.empty()));
 * // first batch is retried, later ones succeed
 * }</pre>
 *
 * <p>Thread-safe. A batch is recorded when it arrives, before its answer's delay; the list a caller
 * passed is copied. The record lives in memory only.
 *
 * @since 0.1.0
 */
public final class ScriptedEventTransport implements EventTransport {

  private final AnswerScript<List<EventRecord>, EventBatchResult> script;

  private ScriptedEventTransport(Builder builder) {
    this.script =
        new AnswerScript<>(batch -> Optional.empty(), builder.sleeper, builder.defaultAnswer);
  }

  /**
   * A transport that answers {@code success} for every event of every batch not scripted.
   *
   * @return the transport
   */
  public static ScriptedEventTransport create() {
    return builder().build();
  }

  /**
   * A builder for the default answer and the sleeper.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An answer that delivers the batch with the same verdict for each of its events; a {@code
   * rejected} verdict carries the error {@code rejected_by_script}.
   *
   * @param status the verdict for every event
   * @return the answer
   */
  public static ScriptedAnswer<List<EventRecord>, EventBatchResult> everyEvent(
      EventResultStatus status) {
    Objects.requireNonNull(status, "status");
    Optional<String> error =
        status == EventResultStatus.REJECTED ? Optional.of("rejected_by_script") : Optional.empty();
    return ScriptedAnswer.computing(
        batch ->
            EventBatchResult.delivered(
                batch.stream()
                    .map(e -> new EventResult(e.eventId(), status, error))
                    .collect(Collectors.toUnmodifiableList())));
  }

  @Override
  public EventBatchResult send(List<EventRecord> events) {
    return script.answer(List.copyOf(events));
  }

  /**
   * Appends answers used by the next batches, in order.
   *
   * @param answers the answers
   * @return this transport
   */
  @SafeVarargs
  public final ScriptedEventTransport thenAnswer(
      ScriptedAnswer<List<EventRecord>, EventBatchResult>... answers) {
    for (ScriptedAnswer<List<EventRecord>, EventBatchResult> answer : answers) {
      script.addInOrder(List.of(answer));
    }
    return this;
  }

  /**
   * Appends fixed results used by the next batches, in order.
   *
   * @param results the results
   * @return this transport
   */
  public ScriptedEventTransport thenReturn(EventBatchResult... results) {
    script.addInOrder(
        Arrays.stream(results)
            .map(r -> ScriptedAnswer.<List<EventRecord>, EventBatchResult>returning(r))
            .collect(Collectors.toUnmodifiableList()));
    return this;
  }

  /**
   * Replaces the answer given when nothing is scripted.
   *
   * @param answer the new default
   */
  public void setDefaultAnswer(ScriptedAnswer<List<EventRecord>, EventBatchResult> answer) {
    script.setDefault(answer);
  }

  /**
   * Every batch received so far, in arrival order.
   *
   * @return an immutable copy
   */
  public List<List<EventRecord>> batches() {
    return script.recorded();
  }

  /**
   * Every event received so far, batch after batch.
   *
   * @return an immutable list
   */
  public List<EventRecord> events() {
    return flatten(batches());
  }

  /**
   * The events of one type received so far.
   *
   * @param eventType e.g. {@code MissionDossierArtifactIndexed}
   * @return an immutable list
   */
  public List<EventRecord> eventsOfType(String eventType) {
    return events().stream()
        .filter(e -> e.eventType().equals(eventType))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * How many scripted answers have not been used yet.
   *
   * @return the count, excluding the default
   */
  public int remainingAnswers() {
    return script.remainingAnswers();
  }

  /**
   * Waits until at least {@code n} batches have arrived.
   *
   * @param n the number of batches
   * @param timeout how long to wait at most
   * @return the batches received by then
   * @throws AssertionError on timeout, with a message listing the batches that did arrive
   */
  public List<List<EventRecord>> awaitBatches(int n, Duration timeout) {
    return script.awaitAtLeast(n, timeout, List::size, "event batches");
  }

  /**
   * Waits until at least {@code n} events have arrived, in any number of batches.
   *
   * @param n the number of events
   * @param timeout how long to wait at most
   * @return the events received by then
   * @throws AssertionError on timeout, with a message listing the batches that did arrive
   */
  public List<EventRecord> awaitEvents(int n, Duration timeout) {
    return flatten(script.awaitAtLeast(n, timeout, b -> flatten(b).size(), "events"));
  }

  /** Forgets every recorded batch and every unused scripted answer; keeps the default. */
  public void reset() {
    script.clear();
  }

  private static List<EventRecord> flatten(List<List<EventRecord>> batches) {
    return batches.stream().flatMap(List::stream).collect(Collectors.toUnmodifiableList());
  }

  /** Configures a {@link ScriptedEventTransport}; not thread-safe. */
  public static final class Builder {
    private ScriptedAnswer<List<EventRecord>, EventBatchResult> defaultAnswer =
        everyEvent(EventResultStatus.SUCCESS);
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /**
     * The answer when nothing is scripted. Default: {@code everyEvent(SUCCESS)}.
     *
     * @param answer the default answer
     * @return this builder
     */
    public Builder defaultAnswer(ScriptedAnswer<List<EventRecord>, EventBatchResult> answer) {
      this.defaultAnswer = Objects.requireNonNull(answer, "defaultAnswer");
      return this;
    }

    /**
     * How delayed answers wait. Default: {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the transport.
     *
     * @return a new transport with an empty script
     */
    public ScriptedEventTransport build() {
      return new ScriptedEventTransport(this);
    }
  }
}
