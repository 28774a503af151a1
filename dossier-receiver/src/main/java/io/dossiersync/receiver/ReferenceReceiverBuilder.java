package io.dossiersync.receiver;

import io.dossiersync.core.drain.Sleeper;
import io.dossiersync.core.transport.AccessToken;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures and starts a {@link ReferenceReceiver}. Every setting has a default, so {@code
 * ReferenceReceiver.builder().start()} works; invalid values fail at once with an {@link
 * IllegalArgumentException} naming the setting and its range. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class ReferenceReceiverBuilder {

  private static final Duration MAX_LAG = Duration.ofDays(1);

  private final ReceiverFaults faults = new ReceiverFaults();
  private final List<String> projects = new ArrayList<>();
  private int port;
  private Optional<AccessToken> token = Optional.empty();
  private boolean acceptAnyProject = true;
  private Duration indexLag = Duration.ZERO;
  private boolean requireIndexEntry = true;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.system();
  private Optional<Path> dataDir = Optional.empty();
  private boolean started;

  ReferenceReceiverBuilder() {}

  /**
   * The port. Default 0: a free port chosen by the system.
   *
   * @param value in [0, 65535]
   * @return this
   */
  public ReferenceReceiverBuilder port(int value) {
    if (value < 0 || value > 65_535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + value);
    }
    port = value;
    return this;
  }

  /**
   * The bearer token to require. Default: none, any non-blank bearer token is accepted (a missing
   * one is still answered 401).
   *
   * @param value printable ASCII without spaces
   * @return this
   */
  public ReferenceReceiverBuilder token(String value) {
    token = Optional.of(new AccessToken(value));
    return this;
  }

  /**
   * Whether every project is known. Default true; false answers {@code namespace_not_found} to
   * projects not {@linkplain #registerProject registered}.
   *
   * @param value whether to accept any project
   * @return this
   */
  public ReferenceReceiverBuilder acceptAnyProject(boolean value) {
    acceptAnyProject = value;
    return this;
  }

  /**
   * Registers a known project.
   *
   * @param projectUuid the UUID, in 8-4-4-4-12 hex form
   * @return this
   */
  public ReferenceReceiverBuilder registerProject(String projectUuid) {
    projects.add(ProjectRegistry.canonical(Objects.requireNonNull(projectUuid, "projectUuid")));
    return this;
  }

  /**
   * How long after its event an index entry becomes visible, by {@link #clock}. Default zero.
   *
   * @param lag in [0, 1 day]
   * @return this
   */
  public ReferenceReceiverBuilder indexLag(Duration lag) {
    indexLag = checkLag(lag);
    return this;
  }

  /**
   * Whether a push needs a visible index entry. Default true.
   *
   * @param value whether to require it
   * @return this
   */
  public ReferenceReceiverBuilder requireIndexEntry(boolean value) {
    requireIndexEntry = value;
    return this;
  }

  /**
   * The clock for ledger times and index lag. Default {@link Clock#systemUTC()}.
   *
   * @param value the clock, e.g. the testkit's {@code MutableClock}
   * @return this
   */
  public ReferenceReceiverBuilder clock(Clock value) {
    clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * How response delays wait. Default {@link Sleeper#system()}.
   *
   * @param value the sleeper
   * @return this
   */
  public ReferenceReceiverBuilder sleeper(Sleeper value) {
    sleeper = Objects.requireNonNull(value, "sleeper");
    return this;
  }

  /**
   * A directory to append {@code ledger.jsonl} to (created when missing). Default: none.
   *
   * @param value the directory
   * @return this
   */
  public ReferenceReceiverBuilder dataDir(Path value) {
    dataDir = Optional.of(value);
    return this;
  }

  /**
   * The share of requests answered 503, see {@link ReceiverFaults#failureRate}. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public ReferenceReceiverBuilder failureRate(double rate) {
    faults.failureRate(rate);
    return this;
  }

  /**
   * The share of requests answered 429, see {@link ReceiverFaults#rateLimitRate}. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public ReferenceReceiverBuilder rateLimitRate(double rate) {
    faults.rateLimitRate(rate);
    return this;
  }

  /**
   * The delay a 429 asks for, see {@link ReceiverFaults#retryAfter}. Default 1 second.
   *
   * @param delay in [0 s, 1 hour]
   * @return this
   */
  public ReferenceReceiverBuilder retryAfter(Duration delay) {
    faults.retryAfter(delay);
    return this;
  }

  /**
   * The share of requests answered with a bare 404. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public ReferenceReceiverBuilder bareNotFoundRate(double rate) {
    faults.bareNotFoundRate(rate);
    return this;
  }

  /**
   * The share of requests whose connection is dropped without an answer. Default 0.
   *
   * @param rate in [0.0, 1.0]
   * @return this
   */
  public ReferenceReceiverBuilder resetRate(double rate) {
    faults.resetRate(rate);
    return this;
  }

  /**
   * A delay before every answer. Default zero.
   *
   * @param delay in [0 s, 10 minutes]
   * @return this
   */
  public ReferenceReceiverBuilder responseDelay(Duration delay) {
    faults.responseDelay(delay);
    return this;
  }

  /**
   * Answers 401 to every request until {@link ReferenceReceiver#rotateToken}. Default false.
   *
   * @param value whether to reject every token
   * @return this
   */
  public ReferenceReceiverBuilder rejectTokensUntilRotation(boolean value) {
    faults.rejectTokensUntilRotation(value);
    return this;
  }

  /**
   * The seed of the fault draws. Default 0.
   *
   * @param seed the seed
   * @return this
   */
  public ReferenceReceiverBuilder seed(long seed) {
    faults.seed(seed);
    return this;
  }

  /**
   * Binds 127.0.0.1 and starts serving.
   *
   * @return the running receiver; close it when done
   * @throws java.io.UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException when this builder already started a receiver (each receiver owns
   *     its fault settings)
   */
  public ReferenceReceiver start() {
    if (started) {
      throw new IllegalStateException("this builder already started a receiver; use a new one");
    }
    started = true;
    return new ReferenceReceiver(this);
  }

  static Duration checkLag(Duration lag) {
    if (lag.isNegative() || lag.compareTo(MAX_LAG) > 0) {
      throw new IllegalArgumentException("indexLag must be in [0s, 1 day], got " + lag);
    }
    return lag;
  }

  ReceiverFaults faults() {
    return faults;
  }

  List<String> registeredProjects() {
    return List.copyOf(projects);
  }

  int port() {
    return port;
  }

  Optional<AccessToken> token() {
    return token;
  }

  boolean acceptAnyProject() {
    return acceptAnyProject;
  }

  Duration indexLag() {
    return indexLag;
  }

  boolean requireIndexEntry() {
    return requireIndexEntry;
  }

  Clock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  Optional<Path> dataDir() {
    return dataDir;
  }
}
