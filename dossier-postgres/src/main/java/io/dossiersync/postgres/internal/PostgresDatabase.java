package io.dossiersync.postgres.internal;

import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.sqlite.internal.IdleConnections;
import io.dossiersync.sqlite.internal.Transactor;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to one PostgreSQL database and the transactions on them. Each transaction borrows
 * a connection from a small idle set (no pool library: a store holds a few connections, opened on
 * demand), runs with auto-commit off in the store's schema ({@code currentSchema}), and commits or
 * rolls back. A serialized write first takes a transaction-level advisory lock of the schema
 * ({@code pg_advisory_xact_lock}), the PostgreSQL counterpart of SQLite's {@code BEGIN IMMEDIATE}:
 * enqueues plan against what they read, so two of them must not interleave; claims and fenced
 * changes do not take it ({@code FOR UPDATE SKIP LOCKED} keeps claims apart). A transaction that
 * fails on a serialization failure or a deadlock is rolled back and run again, up to {@value
 * #ATTEMPTS} times.
 *
 * <p><b>Connection loss.</b> A connection that broke (the server restarted, a network cut) is
 * closed, never kept. A transaction that failed on a broken connection <em>before its commit was
 * sent</em> cannot have taken effect, so it is run again on another connection: the kept idle
 * connections may all be stale after a restart, hence up to pool size + 1 times. A failure at the
 * commit itself is not run again (it may have committed) and reaches the caller as a {@link
 * QueueStoreException}, as does a server that cannot be reached: the drain keeps the tasks and
 * tries again later.
 *
 * <p>Thread-safe. The password is kept only in the driver properties and never logged or put in a
 * message; {@link #location()} is the URL without its query.
 */
public final class PostgresDatabase implements Transactor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
  private static final int ATTEMPTS = 3;

  /** serialization_failure, deadlock_detected: worth running the transaction again. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  /** admin_shutdown, crash_shutdown, cannot_connect_now: the server ended the session. */
  private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

  private final String url;
  private final Properties properties;
  private final String schema;
  private final IdleConnections idle;
  private final int poolSize;

  /**
   * Prepares connections; none is opened yet.
   *
   * @param url a {@code jdbc:postgresql://} URL
   * @param user the role, or null for the driver's default (the URL or {@code PGUSER})
   * @param password the password, or null for none
   * @param schema the schema holding the queue tables (a checked identifier)
   * @param poolSize how many idle connections to keep
   */
  public PostgresDatabase(
      String url,
      @org.jspecify.annotations.Nullable String user,
      @org.jspecify.annotations.Nullable String password,
      String schema,
      int poolSize) {
    this.url = url;
    this.schema = schema;
    this.properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("currentSchema", schema);
    properties.setProperty("ApplicationName", "dossier-sync");
    // Keeps the statements' parameters (bodies) out of the driver's error messages: a batch entry
    // the server refuses is otherwise quoted with its values, and the message reaches the logs.
    properties.setProperty("logServerErrorDetail", "false");
    this.idle = new IdleConnections(poolSize);
    this.poolSize = poolSize;
  }

  /**
   * The schema of the queue tables.
   *
   * @return the schema name
   */
  public String schema() {
    return schema;
  }

  @Override
  public <T> T read(String operation, Work<T> work) {
    return run(operation, false, work);
  }

  @Override
  public <T> T write(String operation, Work<T> work) {
    return run(operation, false, work);
  }

  @Override
  public <T> T writeSerialized(String operation, Work<T> work) {
    return run(operation, true, work);
  }

  @Override
  public String location() {
    int query = url.indexOf('?');
    return (query < 0 ? url : url.substring(0, query)) + " (schema " + schema + ")";
  }

  private <T> T run(String operation, boolean serialized, Work<T> work) {
    int lost = 0;
    for (int attempt = 1; ; attempt++) {
      Connection connection = borrow(operation);
      boolean healthy = false;
      boolean committing = false;
      try {
        if (serialized) {
          lockSchema(connection);
        }
        T result = work.run(SqlSession.on(connection));
        committing = true;
        connection.commit();
        healthy = true;
        return result;
      } catch (SQLException | RuntimeException e) {
        healthy = rollback(connection);
        if (attempt < ATTEMPTS
            && e instanceof SQLException sql
            && RETRYABLE.contains(sql.getSQLState())) {
          LOG.debug(
              "{} on {} failed ({}), attempt {} of {}",
              operation,
              location(),
              sql.getSQLState(),
              attempt,
              ATTEMPTS);
          continue;
        }
        if (!healthy && !committing && connectionLost(e) && lost++ < poolSize) {
          LOG.debug(
              "{} on {}: the connection broke before the commit ({}); running it again"
                  + " on another one",
              operation,
              location(),
              e.toString());
          attempt--;
          continue;
        }
        throw translate(operation, e);
      } finally {
        giveBack(connection, healthy);
      }
    }
  }

  /**
   * Whether a failure says the connection itself is gone (SQLState class 08, or the server ended
   * the session), found in the failure or its causes (the statement layer may wrap it).
   */
  private static boolean connectionLost(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || SESSION_ENDED.contains(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** Takes the schema's advisory lock until the transaction ends (transaction control, not DML). */
  private void lockSchema(Connection connection) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, "dossier-sync:" + schema);
      lock.execute();
    }
  }

  /**
   * Runs work on a connection outside the transaction rules above (the schema migration).
   *
   * @param operation what is being done, for error messages
   * @param work the work; it commits what it wants kept
   * @param <T> the result type
   * @return what {@code work} returned
   */
  public <T> T withConnection(String operation, ConnectionWork<T> work) {
    Connection connection = borrow(operation);
    boolean healthy = false;
    try {
      T result = work.run(connection);
      healthy = true;
      return result;
    } catch (SQLException | RuntimeException e) {
      rollback(connection);
      throw translate(operation, e);
    } finally {
      giveBack(connection, healthy);
    }
  }

  /**
   * Work on a raw connection.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface ConnectionWork<T> {
    /**
     * Runs the work.
     *
     * @param connection a connection with auto-commit off
     * @return the result
     * @throws SQLException when the database fails a statement
     */
    T run(Connection connection) throws SQLException;
  }

  private QueueStoreException translate(String operation, Throwable e) {
    if (e instanceof QueueStoreException known) {
      return known;
    }
    String state = e instanceof SQLException sql ? " [SQLState " + sql.getSQLState() + "]" : "";
    return new QueueStoreException(
        "PostgreSQL queue "
            + location()
            + ": "
            + operation
            + " failed"
            + state
            + ": "
            + e.getMessage(),
        e);
  }

  private Connection borrow(String operation) {
    if (idle.isClosed()) {
      throw new QueueStoreException(
          "PostgreSQL queue " + location() + " is closed; " + operation + " refused");
    }
    try {
      return idle.borrow(
          () -> {
            Connection connection = DriverManager.getConnection(url, properties);
            connection.setAutoCommit(false);
            return connection;
          });
    } catch (SQLException e) {
      throw new QueueStoreException(
          "PostgreSQL queue "
              + location()
              + " cannot be reached for "
              + operation
              + " [SQLState "
              + e.getSQLState()
              + "]: "
              + e.getMessage()
              + "; check the host, port, database, user and password",
          e);
    }
  }

  private static boolean rollback(Connection connection) {
    try {
      if (connection.isClosed()) {
        return false;
      }
      connection.rollback();
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  private void giveBack(Connection connection, boolean healthy) {
    idle.giveBack(connection, healthy);
  }

  /** Closes the idle connections; operations after this fail with a clear message. */
  @Override
  public void close() {
    idle.close();
  }
}
