package io.dossiersync.postgres;

import io.dossiersync.core.queue.AbstractQueueStore;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.DossierEnqueueResult;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.HealthRecords;
import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.QueueStats;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.postgres.internal.PostgresDatabase;
import io.dossiersync.postgres.internal.PostgresSchema;
import io.dossiersync.sqlite.internal.SerializedDossierEnqueue;
import io.dossiersync.sqlite.internal.SqliteBodyQueue;
import io.dossiersync.sqlite.internal.SqliteEventQueue;
import io.dossiersync.sqlite.internal.SqliteFailureRecords;
import io.dossiersync.sqlite.internal.SqliteHealthRecords;
import io.dossiersync.sqlite.internal.StoreQueries;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link QueueStore} on PostgreSQL: the event queue, the body queue and the failure records in
 * one schema of a database that many processes and hosts share (PRODUCT.md §11).
 *
 * <pre>{@code
 * try (QueueStore store = PostgresQueueStore.builder()
 *     .url("jdbc:postgresql://db.example:5432/dossier")
 *     .user("dossier").password(System.getenv("PGPASSWORD"))
 *     .build()) {
 *   store.bodies().enqueue(tasks, clock.instant());
 * }
 * }</pre>
 *
 * <p><b>Durability.</b> Each enqueue call is one transaction; when it returns, its tasks are
 * committed by the server (with the server's {@code synchronous_commit}, on by default, they
 * survive a crash of the server too).
 *
 * <p><b>Concurrency.</b> Thread-safe; any number of processes may share one schema. A claim is one
 * short transaction, {@code UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED)}, that
 * leases what it returns, so two claims never take the same task and never wait for each other;
 * every later change is fenced by the lease owner, exactly as in the SQLite store (the statements
 * are the same, rendered for PostgreSQL). Enqueues, re-queues and purges take the schema's advisory
 * lock for their transaction. No transaction is held across network I/O; delivery is at-least-once.
 *
 * @since 0.1.0
 */
public final class PostgresQueueStore extends AbstractQueueStore {

  private final PostgresDatabase database;
  private final int maxQueueSize;
  private final SqliteHealthRecords health;

  private PostgresQueueStore(PostgresDatabase database, int maxQueueSize) {
    super(
        new SqliteEventQueue(database, maxQueueSize),
        new SqliteBodyQueue(database, maxQueueSize),
        new SqliteFailureRecords(database, maxQueueSize));
    this.database = database;
    this.maxQueueSize = maxQueueSize;
    this.health = new SqliteHealthRecords(database);
  }

  /**
   * Starts configuring a store.
   *
   * @return a builder with the documented defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Enqueues a feature's events and bodies in one transaction. */
  @Override
  public DossierEnqueueResult enqueueDossier(
      List<EventRecord> events, List<BodyUploadTask> bodies, Instant now) {
    return SerializedDossierEnqueue.run(database, maxQueueSize, events, bodies, now);
  }

  /** The health row of the schema, shared by every process that opens it (schema version 2). */
  @Override
  public HealthRecords health() {
    return health;
  }

  @Override
  public QueueStats stats(Instant now) {
    return StoreQueries.stats(database, now);
  }

  @Override
  public PurgeCount purge(PurgeScope scope, boolean dryRun) {
    return StoreQueries.purge(database, scope, dryRun);
  }

  /**
   * Where the queue is.
   *
   * @return the JDBC URL without its query, and the schema; never a password
   */
  @Override
  public String location() {
    return database.location();
  }

  /** Closes the idle connections; the tables stay as they are. */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return "PostgresQueueStore[" + location() + "]";
  }

  /**
   * Configures and opens a {@link PostgresQueueStore}. Not thread-safe; {@link #build()} validates
   * every setting and may be called again for another store.
   */
  public static final class Builder {

    /** Default capacity of each queue (PRODUCT.md §3). */
    public static final int DEFAULT_MAX_QUEUE_SIZE = QueueStore.DEFAULT_MAX_QUEUE_SIZE;

    /** Default schema of the queue tables. */
    public static final String DEFAULT_SCHEMA = "dossier";

    /** Default number of idle connections kept open. */
    public static final int DEFAULT_POOL_SIZE = 4;

    private static final int MAX_POOL_SIZE = 64;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Logger LOG = LoggerFactory.getLogger(PostgresQueueStore.class);

    private @Nullable String url;
    private @Nullable String user;
    private @Nullable String password;
    private String schema = DEFAULT_SCHEMA;
    private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
    private int poolSize = DEFAULT_POOL_SIZE;

    private Builder() {}

    /**
     * The database (required).
     *
     * @param url {@code jdbc:postgresql://HOST[:PORT]/DB}; keep the password out of it
     * @return this builder
     */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /**
     * The role to connect as.
     *
     * @param user a role name; default the driver's (the URL's {@code user}, else {@code PGUSER})
     * @return this builder
     */
    public Builder user(@Nullable String user) {
      this.user = user;
      return this;
    }

    /**
     * The role's password; never logged nor put in a message.
     *
     * @param password the password, or null for none
     * @return this builder
     */
    public Builder password(@Nullable String password) {
      this.password = password;
      return this;
    }

    /**
     * The schema holding the queue tables; created if missing.
     *
     * @param schema a lower-case identifier; default {@value #DEFAULT_SCHEMA}
     * @return this builder
     */
    public Builder schema(String schema) {
      this.schema = schema;
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
     * Validates the settings, connects, and creates or upgrades the schema.
     *
     * @return the open store
     * @throws IllegalArgumentException when a setting is out of range (the message names it)
     * @throws io.dossiersync.core.queue.QueueStoreException when the database cannot be reached or
     *     holds a newer schema version (left untouched)
     */
    public PostgresQueueStore build() {
      if (url == null || !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "url is required: jdbc:postgresql://HOST[:PORT]/DB, got " + url);
      }
      if (!IDENTIFIER.matcher(schema).matches()) {
        throw new IllegalArgumentException(
            "schema must be a lower-case identifier"
                + " ([a-z_][a-z0-9_]*, at most 63 characters), got "
                + schema);
      }
      if (maxQueueSize < 1) {
        throw new IllegalArgumentException(
            "maxQueueSize must be between 1 and " + Integer.MAX_VALUE + ", got " + maxQueueSize);
      }
      if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
        throw new IllegalArgumentException(
            "poolSize must be between 1 and " + MAX_POOL_SIZE + ", got " + poolSize);
      }
      PostgresDatabase database = new PostgresDatabase(url, user, password, schema, poolSize);
      try {
        int before = PostgresSchema.migrate(database);
        if (before != 0 && before != PostgresSchema.CURRENT_VERSION) {
          LOG.info(
              "upgraded PostgreSQL queue {} from schema version {} to {}",
              database.location(),
              before,
              PostgresSchema.CURRENT_VERSION);
        }
        return new PostgresQueueStore(database, maxQueueSize);
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
    }
  }
}
