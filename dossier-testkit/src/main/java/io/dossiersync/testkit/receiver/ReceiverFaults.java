package io.dossiersync.testkit.receiver;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The faults the reference receiver injects, changeable while it runs ({@link
 * ReferenceReceiver#faults()}) or set up front through the builder.
 *
 * <p>For each request to an endpoint in scope ({@link #appliesTo}), after the {@linkplain
 * #responseDelay(Duration) response delay}, one number is drawn from a {@link Random} seeded with
 * {@link #seed(long)} (default 0) and compared with the cumulative rates, in this order: reset
 * (the connection is closed without an answer), 503 {@code {"error":"service_unavailable"}}, 429
 * {@code {"error":"rate_limited","retry_after":N}} with a {@code Retry-After: N} header, bare 404
 * with an empty body. The sequence of decisions is therefore fixed for a seed; which request gets
 * which decision depends on arrival order when requests run concurrently. Faults are decided
 * before the token check. Separately, {@link #rejectTokensUntilRotation(boolean)} answers 401 to
 * every request, whatever its token, until {@link ReferenceReceiver#rotateToken} is called.
 *
 * <p>Thread-safe: all methods are synchronized. Every rate is in [0.0, 1.0] and their sum is at
 * most 1.0; a setter that would break this throws {@link IllegalArgumentException} and changes
 * nothing.
 */
public final class ReceiverFaults {

  private double resetRate;
  private double failureRate;
  private double rateLimitRate;
  private double bareNotFoundRate;
  private Duration retryAfter = Duration.ofSeconds(1);
  private Duration responseDelay = Duration.ZERO;
  private boolean tokensRejected;
  private Set<Endpoint> scope = EnumSet.of(Endpoint.PUSH_CONTENT, Endpoint.EVENT_BATCH);
  private Random random = new Random(0);

  ReceiverFaults() {}

  /**
   * The share of requests answered 503. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public synchronized ReceiverFaults failureRate(double rate) {
    checkRates(resetRate, rate, rateLimitRate, bareNotFoundRate, "failureRate", rate);
    failureRate = rate;
    return this;
  }

  /**
   * The share of requests answered 429 with {@link #retryAfter(Duration)}. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public synchronized ReceiverFaults rateLimitRate(double rate) {
    checkRates(resetRate, failureRate, rate, bareNotFoundRate, "rateLimitRate", rate);
    rateLimitRate = rate;
    return this;
  }

  /**
   * The share of requests answered with a bare 404 (empty body). Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public synchronized ReceiverFaults bareNotFoundRate(double rate) {
    checkRates(resetRate, failureRate, rateLimitRate, rate, "bareNotFoundRate", rate);
    bareNotFoundRate = rate;
    return this;
  }

  /**
   * The share of requests whose connection is closed without an answer. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public synchronized ReceiverFaults resetRate(double rate) {
    checkRates(rate, failureRate, rateLimitRate, bareNotFoundRate, "resetRate", rate);
    resetRate = rate;
    return this;
  }

  /**
   * The delay a 429 asks for, sent as whole seconds (rounded up) in the body's {@code
   * retry_after} and the {@code Retry-After} header. Default 1 second.
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
   * Turns every fault off (rates 0, no delay, tokens accepted); keeps the seed and the scope.
   *
   * @return this
   */
  public synchronized ReceiverFaults none() {
    resetRate = 0;
    failureRate = 0;
    rateLimitRate = 0;
    bareNotFoundRate = 0;
    responseDelay = Duration.ZERO;
    tokensRejected = false;
    return this;
  }

  synchronized FaultDecision decide(Endpoint endpoint) {
    if (!scope.contains(endpoint)) {
      return FaultDecision.NONE;
    }
    double draw = random.nextDouble();
    double bound = resetRate;
    if (draw < bound) {
      return FaultDecision.RESET;
    }
    bound += failureRate;
    if (draw < bound) {
      return FaultDecision.SERVICE_UNAVAILABLE;
    }
    bound += rateLimitRate;
    if (draw < bound) {
      return FaultDecision.RATE_LIMITED;
    }
    bound += bareNotFoundRate;
    return draw < bound ? FaultDecision.BARE_NOT_FOUND : FaultDecision.NONE;
  }

  synchronized Duration delayFor(Endpoint endpoint) {
    return scope.contains(endpoint) ? responseDelay : Duration.ZERO;
  }

  synchronized long retryAfterSeconds() {
    long seconds = retryAfter.getSeconds();
    return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
  }

  synchronized boolean tokensRejected() {
    return tokensRejected;
  }

  private static void checkRates(
      double reset, double failure, double rateLimit, double bareNotFound, String field,
      double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(field + " must be in [0.0, 1.0], got " + value);
    }
    double sum = reset + failure + rateLimit + bareNotFound;
    if (sum > 1.0 + 1e-9) {
      throw new IllegalArgumentException(
          "the fault rates (reset, failure, rate limit, bare 404) must add up to at most 1.0, got "
              + sum + " with " + field + "=" + value);
    }
  }

  @Override
  public synchronized String toString() {
    return "ReceiverFaults[reset=" + resetRate + ", 503=" + failureRate + ", 429=" + rateLimitRate
        + ", 404=" + bareNotFoundRate + ", delay=" + responseDelay + ", tokensRejected="
        + tokensRejected + ", scope=" + scope + "]";
  }
}
