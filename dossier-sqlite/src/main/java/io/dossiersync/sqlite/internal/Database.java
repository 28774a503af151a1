package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.QueueStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one queue file and the two ways to use them: a read (a deferred transaction,
 * one consistent snapshot) and a write (a {@code BEGIN IMMEDIATE} transaction that takes the file's
 * write lock up front, so it never fails half-way on a lock upgrade).
 *
 * <p>Thread-safe: each operation borrows its own connection from a small pool and gives it back
 * when done; writers sharing this instance queue on a fair lock so that they do not spin on
 * SQLite's lock against each other, and writers of other processes are waited for by SQLite's busy
 * timeout. A write that still meets {@code SQLITE_BUSY} is rolled back and run again, up to {@value
 * #WRITE_ATTEMPTS} times. No transaction is ever left open between two calls.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final int WRITE_ATTEMPTS = 3;

  private final Path file;
  private final String url;
  private final SQLiteConfig config;
  private final IdleConnections idle;

  /**
   * WAL pages that trigger an automatic checkpoint (SQLite's default is 1,000, 4 MB). A sync writes
   * two transactions per feature; checkpointing every 40 MB instead of every 4 MB copies each hot
   * page (indexes, the tables' last pages) back to the file far less often: the corpus sync took
   * about 12 % less time with it. The WAL file may grow to about 40 MB between checkpoints.
   */
  static final int WAL_CHECKPOINT_PAGES = 10_000;

  private final ReentrantLock writeLock = new ReentrantLock(true);

  /**
   * Work done inside one transaction on its connection (plain JDBC: no query library is loaded at
   * run time). It must not commit, roll back or close the connection.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection the transaction's connection
     * @return the result
     * @throws SQLException when a statement fails (the transaction is rolled back)
     */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Prepares connections to a file; none is opened yet.
   *
   * @param file the database file
   * @param busyTimeout how long a statement waits for another connection's lock
   * @param fullSync true for {@code synchronous=FULL}, false for {@code NORMAL}
   * @param poolSize how many idle connections to keep
   */
  public Database(Path file, Duration busyTimeout, boolean fullSync, int poolSize) {
    this.file = file;
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    this.config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(
        fullSync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.enforceForeignKeys(true);
    config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, String.valueOf(WAL_CHECKPOINT_PAGES));
    this.idle = new IdleConnections(poolSize);
  }

  /**
   * The file this database lives in.
   *
   * @return the path given at construction
   */
  public Path file() {
    return file;
  }

  /**
   * Runs read-only work in one deferred transaction (a consistent snapshot).
   *
   * @param operation what is being done, for error messages
   * @param work the queries
   * @param <T> the result type
   * @return what {@code work} returned
   */
  public <T> T read(String operation, Work<T> work) {
    return run(operation, "BEGIN", work);
  }

  /**
   * Runs work in one {@code BEGIN IMMEDIATE} transaction, committed when {@code work} returns and
   * rolled back when it throws; retried from the start when the file stays locked.
   *
   * @param operation what is being done, for error messages
   * @param work the statements; must have no effect outside the transaction
   * @param <T> the result type
   * @return what {@code work} returned
   */
  public <T> T write(String operation, Work<T> work) {
    writeLock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return run(operation, "BEGIN IMMEDIATE", work);
        } catch (QueueStoreException e) {
          if (attempt >= WRITE_ATTEMPTS || !SqliteErrors.isBusy(e)) {
            throw e;
          }
          LOG.debug(
              "queue file {} busy during {}, attempt {} of {}",
              file,
              operation,
              attempt,
              WRITE_ATTEMPTS);
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  private <T> T run(String operation, String begin, Work<T> work) {
    Connection connection = borrow(operation);
    boolean healthy = false;
    try {
      execute(connection, begin);
      try {
        T result = work.run(connection);
        execute(connection, "COMMIT");
        healthy = true;
        return result;
      } catch (RuntimeException | SQLException e) {
        healthy = rollback(connection);
        throw e;
      }
    } catch (RuntimeException | SQLException e) {
      throw SqliteErrors.translate(file, operation, e);
    } finally {
      giveBack(connection, healthy);
    }
  }

  /** Runs a transaction statement on plain JDBC. */
  private static void execute(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean rollback(Connection connection) {
    try {
      if (!connection.getAutoCommit() || connection.isClosed()) {
        return false;
      }
      try (var statement = connection.createStatement()) {
        statement.execute("ROLLBACK");
      }
      return true;
    } catch (SQLException e) {
      // "no transaction is active" when BEGIN itself failed: the connection is still usable.
      return e.getMessage() != null && e.getMessage().contains("no transaction is active");
    }
  }

  private Connection borrow(String operation) {
    if (idle.isClosed()) {
      throw new QueueStoreException("queue file " + file + " is closed; " + operation + " refused");
    }
    try {
      return idle.borrow(() -> config.createConnection(url));
    } catch (SQLException e) {
      throw SqliteErrors.translate(file, "opening a connection for " + operation, e);
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
