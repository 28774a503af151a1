package io.dossiersync.testkit;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.testkit.contract.BodyContentContract;
import io.dossiersync.testkit.contract.BodyEnqueueContract;
import io.dossiersync.testkit.contract.CapacityContract;
import io.dossiersync.testkit.contract.ClaimContract;
import io.dossiersync.testkit.contract.ConcurrentClaimContract;
import io.dossiersync.testkit.contract.DossierEnqueueContract;
import io.dossiersync.testkit.contract.EventQueueContract;
import io.dossiersync.testkit.contract.FailureRecordContract;
import io.dossiersync.testkit.contract.HealthContract;
import io.dossiersync.testkit.contract.IndexEventFailedContract;
import io.dossiersync.testkit.contract.OutcomeContract;
import io.dossiersync.testkit.contract.PurgeContract;
import io.dossiersync.testkit.contract.SettleContract;
import io.dossiersync.testkit.contract.StatsContract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The rules of the {@link QueueStore} port (the Javadoc of {@code EventQueue}, {@code BodyQueue},
 * {@code FailureRecords}, {@code ClaimRequest} and {@code QueueStore}, and PRODUCT.md §3) as a
 * JUnit 5 suite. Every implementation proves itself by extending this one class; it runs every area
 * of the contract (the interfaces of {@code io.dossiersync.testkit.contract}), each test named
 * after the rule it checks. Both stores of this repository run it: {@code InMemoryQueueStore}
 * (dossier-core, the testkit's in-memory store) and {@code SqliteQueueStore}.
 *
 * <pre>{@code
 * class MyQueueStoreTest extends QueueStoreContract {
 *   protected QueueStore createStore(int maxQueueSize) {
 *     return new MyQueueStore(maxQueueSize);
 *   }
 * }
 * }</pre>
 *
 * <p>The suite assumes nothing about storage: all times are whole milliseconds (a durable store may
 * keep no more), and the store sees time only through the instants passed to it. Each test gets a
 * fresh store from {@link #createStore(int)} (capacity 1,000, or what the test opens); {@link
 * #destroyStore(QueueStore)} is called for every store after the test. Not thread-safe itself:
 * JUnit creates one instance per test.
 *
 * @since 0.1.0
 */
public abstract class QueueStoreContract
    implements BodyEnqueueContract,
        CapacityContract,
        EventQueueContract,
        ClaimContract,
        OutcomeContract,
        FailureRecordContract,
        StatsContract,
        PurgeContract,
        ConcurrentClaimContract,
        DossierEnqueueContract,
        HealthContract,
        SettleContract,
        IndexEventFailedContract,
        BodyContentContract {

  private final List<QueueStore> opened = new ArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private @Nullable QueueStore store;

  /** Creates the suite; subclasses supply the stores. */
  protected QueueStoreContract() {}

  /**
   * Creates a new, empty store.
   *
   * @param maxQueueSize the capacity of each queue
   * @return a store that no other test uses
   */
  protected abstract QueueStore createStore(int maxQueueSize);

  /**
   * Cleans up after a store; the default closes it.
   *
   * @param store a store returned by {@link #createStore(int)}
   */
  protected void destroyStore(QueueStore store) {
    store.close();
  }

  @BeforeEach
  final void openDefaultStore() {
    store = open(1_000);
  }

  @AfterEach
  final void destroyStores() {
    opened.forEach(this::destroyStore);
  }

  @Override
  public final QueueStore store() {
    QueueStore current = store;
    if (current == null) {
      throw new IllegalStateException("no store: store() is only available inside a test");
    }
    return current;
  }

  @Override
  public final QueueStore open(int maxQueueSize) {
    QueueStore created = createStore(maxQueueSize);
    opened.add(created);
    return created;
  }

  @Override
  public final BodyUploadTask body(NamespaceRef namespace, String path, int hashSeed) {
    String text = "# " + path + " \u00e9t\u00e9 \u2713\nversion " + hashSeed + "\n";
    return new BodyUploadTask(
        nextId(),
        namespace,
        path,
        io.dossiersync.testkit.contract.ContractFixture.hash(hashSeed),
        text,
        text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Override
  public final EventRecord event(NamespaceRef namespace, @Nullable String coalesceKey) {
    String id = nextId();
    String json =
        "{\"event_id\":\""
            + id
            + "\",\"event_type\":\"MissionDossierArtifactIndexed\","
            + "\"payload\":{\"relative_path\":\"spec.md\"}}";
    return new EventRecord(
        id,
        "MissionDossierArtifactIndexed",
        namespace.featureSlug() + ":spec.md",
        namespace,
        Optional.ofNullable(coalesceKey),
        json);
  }

  private String nextId() {
    return String.format(Locale.ROOT, "01KT5YTQ%018d", sequence.incrementAndGet());
  }
}
