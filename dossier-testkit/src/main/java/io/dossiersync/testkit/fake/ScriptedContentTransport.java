package io.dossiersync.testkit.fake;

import io.dossiersync.core.drain.Sleeper;
import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link ContentTransport} that answers from a script and records every request.
 *
 * <p>Each push takes the next answer scripted for its artifact path ({@link #forPath}); when there
 * is none, the next answer scripted in order ({@link #thenAnswer}); when there is none either, the
 * default answer (201 stored unless the builder says otherwise). Answers may be results, delays or
 * thrown exceptions, see {@link ScriptedAnswer}.
 *
 * <pre>{@code
 * ScriptedContentTransport transport = ScriptedContentTransport.create();
 * transport.forPath("spec.md", PushResults.indexEntryNotFound(), PushResults.stored());
 * // ... run a drain ...
 * transport.awaitRequests(2, Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safe: the drain engine may push from several threads. A request is recorded when it
 * arrives, before its answer's delay. The record lives in memory only.
 *
 * @since 0.1.0
 */
public final class ScriptedContentTransport implements ContentTransport {

  private final AnswerScript<PushContentRequest, PushResult> script;

  private ScriptedContentTransport(Builder builder) {
    this.script =
        new AnswerScript<>(
            request -> Optional.of(request.artifactPath()), builder.sleeper, builder.defaultAnswer);
  }

  /**
   * A transport that answers 201 stored to everything not scripted, and really sleeps on delays.
   *
   * @return the transport
   */
  public static ScriptedContentTransport create() {
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

  @Override
  public PushResult push(PushContentRequest request) {
    Objects.requireNonNull(request, "request");
    return script.answer(request);
  }

  /**
   * Appends answers given in order to any path without a path-specific answer left.
   *
   * @param answers the answers
   * @return this transport
   */
  @SafeVarargs
  public final ScriptedContentTransport thenAnswer(
      ScriptedAnswer<PushContentRequest, PushResult>... answers) {
    for (ScriptedAnswer<PushContentRequest, PushResult> answer : answers) {
      script.addInOrder(List.of(answer));
    }
    return this;
  }

  /**
   * Appends results given in order, as {@link #thenAnswer} does.
   *
   * @param results the results
   * @return this transport
   */
  public ScriptedContentTransport thenReturn(PushResult... results) {
    script.addInOrder(wrap(results));
    return this;
  }

  /**
   * Appends answers for one artifact path; they are used before any in-order answer.
   *
   * @param artifactPath the feature-relative path as sent
   * @param answers the answers, in order
   * @return this transport
   */
  @SafeVarargs
  public final ScriptedContentTransport forPath(
      String artifactPath, ScriptedAnswer<PushContentRequest, PushResult>... answers) {
    for (ScriptedAnswer<PushContentRequest, PushResult> answer : answers) {
      script.addForKey(artifactPath, List.of(answer));
    }
    return this;
  }

  /**
   * Appends results for one artifact path, as {@link #forPath(String, ScriptedAnswer[])} does.
   *
   * @param artifactPath the feature-relative path as sent
   * @param results the results, in order
   * @return this transport
   */
  public ScriptedContentTransport forPath(String artifactPath, PushResult... results) {
    script.addForKey(artifactPath, wrap(results));
    return this;
  }

  /**
   * Replaces the answer given when nothing is scripted.
   *
   * @param answer the new default
   */
  public void setDefaultAnswer(ScriptedAnswer<PushContentRequest, PushResult> answer) {
    script.setDefault(answer);
  }

  /**
   * Every request received so far, in arrival order.
   *
   * @return an immutable copy
   */
  public List<PushContentRequest> requests() {
    return script.recorded();
  }

  /**
   * The requests received for one artifact path, in arrival order.
   *
   * @param artifactPath the path
   * @return an immutable list
   */
  public List<PushContentRequest> requestsFor(String artifactPath) {
    return requests().stream()
        .filter(r -> r.artifactPath().equals(artifactPath))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * How many scripted answers (per path and in order) have not been used yet.
   *
   * @return the count, excluding the default
   */
  public int remainingAnswers() {
    return script.remainingAnswers();
  }

  /**
   * Waits until at least {@code n} requests have arrived.
   *
   * @param n the number of requests
   * @param timeout how long to wait at most
   * @return the requests received by then
   * @throws AssertionError on timeout, with a message that lists the requests that did arrive
   */
  public List<PushContentRequest> awaitRequests(int n, Duration timeout) {
    return script.awaitAtLeast(n, timeout, List::size, "push-content requests");
  }

  /** Forgets every recorded request and every unused scripted answer; keeps the default. */
  public void reset() {
    script.clear();
  }

  private static List<ScriptedAnswer<PushContentRequest, PushResult>> wrap(PushResult[] results) {
    return Arrays.stream(results)
        .map(r -> ScriptedAnswer.<PushContentRequest, PushResult>returning(r))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Configures a {@link ScriptedContentTransport}; not thread-safe. */
  public static final class Builder {
    private ScriptedAnswer<PushContentRequest, PushResult> defaultAnswer =
        ScriptedAnswer.returning(PushResults.stored());
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /**
     * The answer when nothing is scripted. Default: {@link PushResults#stored()}.
     *
     * @param answer the default answer
     * @return this builder
     */
    public Builder defaultAnswer(ScriptedAnswer<PushContentRequest, PushResult> answer) {
      this.defaultAnswer = Objects.requireNonNull(answer, "defaultAnswer");
      return this;
    }

    /**
     * The result when nothing is scripted.
     *
     * @param result the default result
     * @return this builder
     */
    public Builder defaultAnswer(PushResult result) {
      return defaultAnswer(ScriptedAnswer.returning(result));
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
    public ScriptedContentTransport build() {
      return new ScriptedContentTransport(this);
    }
  }
}
