package io.dossiersync.receiver;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The faults the reference receiver injects, changeable while it runs ({@link
 * ReferenceReceiver#faults()}) or set up front through the builder.
 *
 * <p>For each request to an endpoint in scope ({@link #appliesTo}), after the {@linkplain
 * #responseDelay(Duration) response delay}, one number is drawn from a {@link Random} seeded with
 * {@link #seed(long)} (default 0) and compared with the cumulative rates, in this order: reset (the
 * connection is closed without an answer), 503 {@code {"error":"service_unavailable"}}, 429 {@code
 * {"error":"rate_limited","retry_after":N}} with a {@code Retry-After: N} header, bare 404 with an
 * empty body. The sequence of decisions is therefore fixed for a seed; which request gets which
 * decision depends on arrival order when requests run concurrently. Faults are decided before the
 * token check. Separately, {@link #rejectTokensUntilRotation(boolean)} answers 401 to every
 * request, whatever its token, until {@link ReferenceReceiver#rotateToken} is called.
 *
 * <p>For the event batch, after the token check: {@link #maxBatchEvents(int)} answers 413 to a
 * larger batch, and {@link #poisonEvents} / {@link #poisonAggregates} answer 400 to a whole batch
 * that holds a poison event. {@link #dripAnswers(Duration)} sends every answer body in scope one
 * byte at a time, so a client's total deadline, not its idle timeout, has to end the request.
 *
 * <p>Thread-safe: all methods are synchronized. Every rate is in [0.0, 1.0] and their sum is at
 * most 1.0; a setter that would break this throws {@link IllegalArgumentException} and changes
 * nothing.
 *
 * @since 0.1.0
 */
public final class ReceiverFaults {

  private final Map<FaultDecision, Double> rates = new EnumMap<>(FaultDecision.class);
  private Duration retryAfter = Duration.ofSeconds(1);
  private Duration responseDelay = Duration.ZERO;
  private boolean tokensRejected;
  private Set<Endpoint> scope = EnumSet.of(Endpoint.PUSH_CONTENT, Endpoint.EVENT_BATCH);
  private Random random = new Random(0);
  private BatchRules batchRules = BatchRules.NONE;
  private Duration drip = Duration.ZERO;

  ReceiverFaults() {}

  /**
   * The share of requests answered 503. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public synchronized ReceiverFaults failureRate(double rate) {
    return setRate(FaultDecision.SERVICE_UNAVAILABLE, "failureRate", rate);
  }

  /**
   * The share of requests answered 429 with {@link #retryAfter(Duration)}. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public synchronized ReceiverFaults rateLimitRate(double rate) {
    return setRate(FaultDecision.RATE_LIMITED, "rateLimitRate", rate);
  }

  /**
   * The share of requests answered with a bare 404 (empty body). Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public synchronized ReceiverFaults bareNotFoundRate(double rate) {
    return setRate(FaultDecision.BARE_NOT_FOUND, "bareNotFoundRate", rate);
  }

  /**
   * The share of requests whose connection is closed without an answer. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public synchronized ReceiverFaults resetRate(double rate) {
    return setRate(FaultDecision.RESET, "resetRate", rate);
  }

  /**
   * The delay a 429 asks for, sent as whole seconds (rounded up) in the body's {@code retry_after}
   * and the {@code Retry-After} header. Default 1 second.
   *
   * @param delay in [0 s, 1 hour]
   * @return this
   */
  public synchronized ReceiverFaults retryAfter(Duration delay) {
    if (delay.isNegative() || delay.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("retryAfter must be in [0s, 1h], got " + delay);
    }
    retryAfter = delay;
    return this;
  }

  /**
   * A delay before every answer in scope (before the fault draw), e.g. to make clients time out.
   * Default zero.
   *
   * @param delay in [0 s, 10 minutes]
   * @return this
   */
  public synchronized ReceiverFaults responseDelay(Duration delay) {
    if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("responseDelay must be in [0s, 10min], got " + delay);
    }
    responseDelay = delay;
    return this;
  }

  /**
   * When true, every request is answered 401 until the token rotates. Default false.
   *
   * @param reject whether to reject every token
   * @return this
   */
  public synchronized ReceiverFaults rejectTokensUntilRotation(boolean reject) {
    tokensRejected = reject;
    return this;
  }

  /**
   * Answers 413 {@code {"error":"payload_too_large"}} to an event batch with more events than this.
   * Default: no limit.
   *
   * @param max at least 1
   * @return this
   */
  public synchronized ReceiverFaults maxBatchEvents(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxBatchEvents must be at least 1, got " + max);
    }
    batchRules = batchRules.withMaxEvents(max);
    return this;
  }

  /**
   * Answers 400 {@code {"error":"validation_error","detail":"poison event <id>"}} to every event
   * batch that holds one of these event ids; none of that batch's events is taken. Replaces the
   * earlier ids. Default: none.
   *
   * @param eventIds the poison event ids
   * @return this
   */
  public synchronized ReceiverFaults poisonEvents(String... eventIds) {
    batchRules = batchRules.withPoisonIds(Set.of(eventIds));
    return this;
  }

  /**
   * Like {@link #poisonEvents}, for the events whose {@code aggregate_id} matches. Default: none.
   *
   * @param aggregateIds which aggregate ids poison their batch; called on the serving thread
   * @return this
   */
  public synchronized ReceiverFaults poisonAggregates(Predicate<String> aggregateIds) {
    batchRules = batchRules.withPoisonAggregate(Objects.requireNonNull(aggregateIds, "predicate"));
    return this;
  }

  /**
   * Sends each answer body in scope one byte at a time, this long apart (a slow proxy that is never
   * silent). Default zero: at once.
   *
   * @param perByte in [0 s, 1 minute]
   * @return this
   */
  public synchronized ReceiverFaults dripAnswers(Duration perByte) {
    if (perByte.isNegative() || perByte.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("dripAnswers must be in [0s, 1min], got " + perByte);
    }
    drip = perByte;
    return this;
  }

  /**
   * Restarts the fault sequence from a seed. Default seed 0.
   *
   * @param seed the seed
   * @return this
   */
  public synchronized ReceiverFaults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /**
   * Limits the rate faults and the delay to some endpoints. Default: both endpoints.
   *
   * @param endpoints the endpoints in scope, at least one
   * @return this
   */
  public synchronized ReceiverFaults appliesTo(Endpoint... endpoints) {
    if (endpoints.length == 0) {
      throw new IllegalArgumentException("appliesTo needs at least one endpoint");
    }
    scope = EnumSet.of(endpoints[0], endpoints);
    return this;
  }

  /**
   * Turns every fault off (rates 0, no delay, no drip, no batch limit or poison, tokens accepted);
   * keeps the seed and the scope.
   *
   * @return this
   */
  public synchronized ReceiverFaults none() {
    rates.clear();
    responseDelay = Duration.ZERO;
    drip = Duration.ZERO;
    batchRules = BatchRules.NONE;
    tokensRejected = false;
    return this;
  }

  synchronized FaultDecision decide(Endpoint endpoint) {
    if (!scope.contains(endpoint)) {
      return FaultDecision.NONE;
    }
    double draw = random.nextDouble();
    double bound = 0;
    for (Map.Entry<FaultDecision, Double> rate : rates.entrySet()) {
      bound += rate.getValue();
      if (draw < bound) {
        return rate.getKey();
      }
    }
    return FaultDecision.NONE;
  }

  synchronized Duration delayFor(Endpoint endpoint) {
    return scope.contains(endpoint) ? responseDelay : Duration.ZERO;
  }

  synchronized Duration dripFor(Endpoint endpoint) {
    return scope.contains(endpoint) ? drip : Duration.ZERO;
  }

  synchronized BatchRules batchRules() {
    return batchRules;
  }

  synchronized long retryAfterSeconds() {
    long seconds = retryAfter.getSeconds();
    return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
  }

  synchronized boolean tokensRejected() {
    return tokensRejected;
  }

  private double rate(FaultDecision fault) {
    return rates.getOrDefault(fault, 0.0);
  }

  private ReceiverFaults setRate(FaultDecision fault, String field, double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(field + " must be in [0.0, 1.0], got " + rate);
    }
    double others =
        rates.entrySet().stream()
            .filter(e -> e.getKey() != fault)
            .mapToDouble(Map.Entry::getValue)
            .sum();
    if (others + rate > 1.0 + 1e-9) {
      throw new IllegalArgumentException(
          "the fault rates (reset, failure, rate limit, bare 404) must add up to at most 1.0, got "
              + (others + rate)
              + " with "
              + field
              + "="
              + rate);
    }
    rates.put(fault, rate);
    return this;
  }

  @Override
  public synchronized String toString() {
    return "ReceiverFaults[reset="
        + rate(FaultDecision.RESET)
        + ", 503="
        + rate(FaultDecision.SERVICE_UNAVAILABLE)
        + ", 429="
        + rate(FaultDecision.RATE_LIMITED)
        + ", 404="
        + rate(FaultDecision.BARE_NOT_FOUND)
        + ", delay="
        + responseDelay
        + ", drip="
        + drip
        + ", maxBatchEvents="
        + batchRules.maxEvents()
        + ", poison="
        + batchRules.poisonIds()
        + ", tokensRejected="
        + tokensRejected
        + ", scope="
        + scope
        + "]";
  }
}
