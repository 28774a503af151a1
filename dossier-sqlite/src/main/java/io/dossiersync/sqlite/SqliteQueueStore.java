package io.dossiersync.sqlite;

import io.dossiersync.core.queue.AbstractQueueStore;
import io.dossiersync.core.queue.BodyChunks;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.HealthRecords;
import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.sqlite.internal.Database;
import io.dossiersync.sqlite.internal.DossierEnqueue;
import io.dossiersync.sqlite.internal.PrivateQueueFile;
import io.dossiersync.sqlite.internal.SchemaMigrator;
import io.dossiersync.sqlite.internal.SqliteBodyQueue;
import io.dossiersync.sqlite.internal.SqliteEventQueue;
import io.dossiersync.sqlite.internal.SqliteFailureRecords;
import io.dossiersync.sqlite.internal.SqliteHealthRecords;
import io.dossiersync.sqlite.internal.StoreQueries;
import io.dossiersync.sqlite.internal.Transactions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link QueueStore}: one SQLite file (WAL journal) holding the event queue, the body
 * queue and the failure records (PRODUCT.md §3).
 *
 * <pre>{@code
 * try (QueueStore store = SqliteQueueStore.builder()
 *     .path(DefaultQueueLocation.forServer("https://receiver.example"))
 *     .build()) {
 *   store.bodies().enqueue(tasks, clock.instant());
 * }
 * }</pre>
 *
 * <p><b>Durability.</b> Each enqueue call is one transaction ({@link #enqueueDossier} too, for both
 * of its parts): when it returns, every task it reported {@code ENQUEUED} or {@code
 * ALREADY_IN_QUEUE} is in the write-ahead log and survives a kill -9 of the process. With the
 * default {@code synchronous=NORMAL}, a power loss or OS crash may lose the last transactions
 * (never corrupt the file); {@link Builder#synchronousFull} closes that gap at the cost of one
 * fsync per transaction. See DESIGN.md for the whole story.
 *
 * <p><b>Concurrency.</b> Thread-safe; several processes may share one file. A claim is a short
 * {@code BEGIN IMMEDIATE} transaction that leases the tasks it returns; every later state change is
 * fenced by the lease owner. No transaction is held across network I/O. Delivery is at-least-once:
 * a drainer that crashes after sending but before completing leaves its lease to expire, and the
 * task is sent again.
 *
 * @since 0.1.0
 */
public final class SqliteQueueStore extends AbstractQueueStore {

  private final Database database;
  private final int maxQueueSize;
  private final SqliteHealthRecords health;

  private final Transactions transactions;

  SqliteQueueStore(Database database, int maxQueueSize) {
    this(database, new Transactions(database), maxQueueSize);
  }

  private SqliteQueueStore(Database database, Transactions transactions, int maxQueueSize) {
    super(
        new SqliteEventQueue(transactions, maxQueueSize),
        new SqliteBodyQueue(transactions, maxQueueSize),
        new SqliteFailureRecords(transactions, maxQueueSize));
    this.database = database;
    this.transactions = transactions;
    this.maxQueueSize = maxQueueSize;
    this.health = new SqliteHealthRecords(transactions);
  }

  /**
   * Starts configuring a store.
   *
   * @return a builder with the documented defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Enqueues a feature's events and bodies in one transaction: one commit for the whole dossier,
   * and a failure keeps nothing of either part.
   */
  @Override
  public DossierEnqueueResult enqueueDossier(
      List<EventRecord> events, List<BodyUploadTask> bodies, Instant now) {
    return DossierEnqueue.run(database, maxQueueSize, events, bodies, now);
  }

  /**
   * Enqueues a feature's events and its bodies, pulled chunk by chunk, in one transaction: one
   * chunk of body text in memory at a time, one commit for the whole dossier, and a failure keeps
   * nothing of either part.
   */
  @Override
  public DossierEnqueueResult enqueueDossier(
      List<EventRecord> events, BodyChunks bodies, Instant now) {
    return DossierEnqueue.run(database, maxQueueSize, events, bodies, now);
  }

  /** The health row of the file, shared by every process that opens it (schema version 5). */
  @Override
  public HealthRecords health() {
    return health;
  }

  @Override
  public QueueStats stats(Instant now) {
    return StoreQueries.stats(transactions, now);
  }

  @Override
  public PurgeCount purge(PurgeScope scope, boolean dryRun) {
    return StoreQueries.purge(transactions, scope, dryRun);
  }

  /**
   * The database file.
   *
   * @return the absolute path of the queue file
   */
  @Override
  public String location() {
    return database.file().toAbsolutePath().toString();
  }

  /** Closes the pooled connections; the file stays as it is, every acknowledged task in it. */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return "SqliteQueueStore[" + location() + "]";
  }

  /**
   * Configures and opens a {@link SqliteQueueStore}. Not thread-safe; {@link #build()} validates
   * every setting and may be called again for another store.
   */
  public static final class Builder {

    /** Default capacity of each queue (PRODUCT.md §3, NFR-002). */
    public static final int DEFAULT_MAX_QUEUE_SIZE = QueueStore.DEFAULT_MAX_QUEUE_SIZE;

    /** Default wait for another connection's lock. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    /** Default number of idle connections kept open. */
    public static final int DEFAULT_POOL_SIZE = 4;

    private static final Duration MAX_BUSY_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);
    private static final int MAX_POOL_SIZE = 64;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteQueueStore.class);

    private @Nullable Path path;
    private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
    private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
    private int poolSize = DEFAULT_POOL_SIZE;
    private boolean synchronousFull;

    private Builder() {}

    /**
     * The database file (required); missing parent directories are created {@code 0700} and a new
     * file {@code 0600}.
     *
     * @param path e.g. {@link DefaultQueueLocation#forServer(String)}
     * @return this builder
     */
    public Builder path(Path path) {
      this.path = path;
      return this;
    }

    /**
     * The most tasks each queue holds; past it enqueue reports {@code queue_full}.
     *
     * @param maxQueueSize from 1 to {@link Integer#MAX_VALUE}; default {@value
     *     #DEFAULT_MAX_QUEUE_SIZE}
     * @return this builder
     */
    public Builder maxQueueSize(int maxQueueSize) {
      this.maxQueueSize = maxQueueSize;
      return this;
    }

    /**
     * How long an operation waits for another process's lock before failing.
     *
     * @param busyTimeout from 0 to about 24 days; default 10 seconds
     * @return this builder
     */
    public Builder busyTimeout(Duration busyTimeout) {
      this.busyTimeout = busyTimeout;
      return this;
    }

    /**
     * How many idle connections to keep open for reuse.
     *
     * @param poolSize from 1 to 64; default {@value #DEFAULT_POOL_SIZE}
     * @return this builder
     */
    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /**
     * Use {@code synchronous=FULL} (an fsync per commit: acknowledged tasks survive power loss too)
     * instead of the default {@code NORMAL} (they survive a process crash).
     *
     * @param synchronousFull true for FULL; default false
     * @return this builder
     */
    public Builder synchronousFull(boolean synchronousFull) {
      this.synchronousFull = synchronousFull;
      return this;
    }

    /**
     * Validates the settings, then opens the file: creates it, or checks it and upgrades its schema
     * in place.
     *
     * @return the open store
     * @throws IllegalArgumentException when a setting is out of range (the message names it)
     * @throws io.dossiersync.core.queue.QueueStoreException when the file is corrupt, not a queue
     *     database, of a newer schema version, or cannot be created; such a file is left untouched
     */
    public SqliteQueueStore build() {
      Path file = validated();
      SchemaMigrator.inspect(file);
      PrivateQueueFile.create(file);
      Database database = new Database(file, busyTimeout, synchronousFull, poolSize);
      try {
        int before = SchemaMigrator.migrate(database);
        if (before != 0 && before != SchemaMigrator.CURRENT_VERSION) {
          LOG.info(
              "upgraded queue file {} from schema version {} to {}",
              file,
              before,
              SchemaMigrator.CURRENT_VERSION);
        }
        return new SqliteQueueStore(database, maxQueueSize);
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
    }

    /**
     * Same as {@link #build()}.
     *
     * @return the open store
     */
    public SqliteQueueStore open() {
      return build();
    }

    private Path validated() {
      if (path == null) {
        throw new IllegalArgumentException("path is required (the queue database file)");
      }
      if (maxQueueSize < 1) {
        throw new IllegalArgumentException(
            "maxQueueSize must be between 1 and " + Integer.MAX_VALUE + ", got " + maxQueueSize);
      }
      if (busyTimeout == null
          || busyTimeout.isNegative()
          || busyTimeout.compareTo(MAX_BUSY_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "busyTimeout must be between 0 and " + MAX_BUSY_TIMEOUT + ", got " + busyTimeout);
      }
      if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
        throw new IllegalArgumentException(
            "poolSize must be between 1 and " + MAX_POOL_SIZE + ", got " + poolSize);
      }
      return path.toAbsolutePath();
    }
  }
}
