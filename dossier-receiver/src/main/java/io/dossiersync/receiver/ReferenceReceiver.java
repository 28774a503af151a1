package io.dossiersync.receiver;

import com.sun.net.httpserver.HttpServer;
import io.dossiersync.core.transport.AccessToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process HTTP receiver on 127.0.0.1 that enforces the wire contracts of PRODUCT.md §4
 * strictly, for integration tests, benchmarks and {@code dossier receiver}.
 *
 * <p>{@code POST /api/dossier/push-content/}: bearer token (401 {@code {"error":"unauthorized"}}),
 * {@code Content-Type: application/json}, exactly the nine fields with their rules (400 {@code
 * {"error":"validation_error","detail":...}}), a known project (404 {@code
 * {"error":"namespace_not_found"}}), a visible index entry for (namespace, path, hash) (404 {@code
 * {"error":"index_entry_not_found"}}), then 201 {@code {"status":"stored"}} the first time and 200
 * {@code {"status":"already_exists"}} after. {@code POST /api/v1/events/batch/}: token, {@code
 * Content-Encoding: gzip}, {@code {"events":[...]}}, 200 with a success / duplicate / rejected
 * verdict per event; a successful {@code MissionDossierArtifactIndexed} event creates the index
 * entry, visible after the {@linkplain #indexLag(Duration) index lag}. Faults are injected through
 * {@link #faults()}; everything received is in the {@link #ledger()}.
 *
 * <pre>{@code
 * try (ReferenceReceiver receiver = ReferenceReceiver.builder().token("test-token").start()) {
 *   URI base = receiver.baseUri();            // http://127.0.0.1:<port>
 *   receiver.faults().failureRate(0.3);       // 30 % of requests answer 503
 *   // ... sync and drain against base ...
 *   DossierAssertions.assertThat(receiver.ledger()).hasNoDuplicateStores();
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served concurrently and every setter may be called while it runs.
 * Not durable: stored bodies, the index and the event ids live in memory and are gone after {@link
 * #close()}; with a data directory, only the ledger's request and event lines are written to disk
 * (see {@link ReceiverLedger}). The token is never logged nor recorded.
 *
 * @since 0.1.0
 */
public final class ReferenceReceiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceReceiver.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /**
   * The JDK HTTP server's switch for TCP_NODELAY. The server writes an answer's head and body
   * separately; without it every small answer waits for the client's delayed ACK (about 40 ms). The
   * JDK reads it once, when its server classes load, and a library never sets a host's system
   * properties: an application that wants fast answers passes {@code
   * -Dsun.net.httpserver.nodelay=true} (the build's tests do) or sets it in its {@code main} before
   * the first receiver starts (the {@code dossier} command does).
   */
  public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final ReceiverLedger ledger;
  private final ReceiverFaults faults;
  private final AccessGate gate;
  private final ProjectRegistry projects;
  private final ArtifactIndex index;
  private final Optional<LedgerJournal> journal;
  private final URI baseUri;

  ReferenceReceiver(ReferenceReceiverBuilder config) {
    this.faults = config.faults();
    this.journal = config.dataDir().map(LedgerJournal::open);
    this.ledger = new ReceiverLedger(journal);
    this.gate = new AccessGate(config.token(), faults);
    this.projects = new ProjectRegistry(config.acceptAnyProject());
    config.registeredProjects().forEach(projects::register);
    this.index = new ArtifactIndex(config.clock(), config.indexLag(), config.requireIndexEntry());
    ReceiverDispatcher dispatcher =
        new ReceiverDispatcher(
            config.clock(),
            config.sleeper(),
            faults,
            gate,
            new PushContentProcessor(projects, index, ledger),
            new EventBatchProcessor(new EventIntake(projects, index, ledger), faults),
            ledger);
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t =
                  new Thread(r, "reference-receiver-" + instance + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      this.server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port()), 128);
    } catch (IOException e) {
      executor.shutdown();
      journal.ifPresent(LedgerJournal::close);
      throw new UncheckedIOException(
          "cannot start the reference receiver on 127.0.0.1:" + config.port(), e);
    }
    server.createContext("/", dispatcher);
    server.setExecutor(executor);
    server.start();
    this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    LOG.info("reference receiver listening on {}", baseUri);
  }

  /**
   * A builder; {@link ReferenceReceiverBuilder#start()} starts the receiver.
   *
   * @return a new builder with the defaults documented on its methods
   */
  public static ReferenceReceiverBuilder builder() {
    return new ReferenceReceiverBuilder();
  }

  /**
   * Starts a receiver with the defaults (any project, any bearer token, no lag, no faults), as
   * {@code dossier receiver} does.
   *
   * @param port the port, 0 for a free one
   * @param dataDir where to append {@code ledger.jsonl}, if anywhere
   * @return the started receiver
   */
  public static ReferenceReceiver start(int port, Optional<Path> dataDir) {
    ReferenceReceiverBuilder builder = builder().port(port);
    dataDir.ifPresent(builder::dataDir);
    return builder.start();
  }

  /**
   * The base URI to configure a sender with, without a trailing slash.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The port the receiver listens on.
   *
   * @return the port
   */
  public int port() {
    return baseUri.getPort();
  }

  /**
   * Everything received so far.
   *
   * @return the live ledger
   */
  public ReceiverLedger ledger() {
    return ledger;
  }

  /**
   * The fault settings, changeable while the receiver runs.
   *
   * @return the live settings
   */
  public ReceiverFaults faults() {
    return faults;
  }

  /**
   * Replaces the token: requests with the old one are answered 401 from now on. Also ends {@link
   * ReceiverFaults#rejectTokensUntilRotation(boolean)}.
   *
   * @param newToken the new token, printable ASCII without spaces
   */
  public void rotateToken(String newToken) {
    gate.rotate(new AccessToken(newToken));
  }

  /**
   * Makes a project known, so its namespaces are accepted even when {@code acceptAnyProject} is
   * off.
   *
   * @param projectUuid the project's UUID, in 8-4-4-4-12 hex form
   */
  public void registerProject(String projectUuid) {
    projects.register(projectUuid);
  }

  /**
   * Whether every project is known (the default) or only the registered ones.
   *
   * @param acceptAny true to accept any project
   */
  public void acceptAnyProject(boolean acceptAny) {
    projects.acceptAny(acceptAny);
  }

  /**
   * How long after its {@code ArtifactIndexed} event an index entry becomes visible, for entries
   * created from now on.
   *
   * @param lag zero or positive
   */
  public void indexLag(Duration lag) {
    index.lag(ReferenceReceiverBuilder.checkLag(lag));
  }

  /**
   * Whether a push needs a visible index entry (default true). Off, every valid push of a known
   * project is stored, as a benchmark without events needs.
   *
   * @param required whether to require the entry
   */
  public void requireIndexEntry(boolean required) {
    index.required(required);
  }

  /**
   * Creates an index entry directly, as if its {@code ArtifactIndexed} event had arrived now.
   *
   * @param key the namespace, path and hash
   */
  public void indexArtifact(BodyKey key) {
    index.materialize(key);
  }

  /** Stops serving at once (requests in flight are dropped) and closes the ledger file. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("reference receiver threads did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    journal.ifPresent(LedgerJournal::close);
  }

  @Override
  public String toString() {
    return "ReferenceReceiver[" + baseUri + "]";
  }
}
