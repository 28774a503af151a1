package io.dossiersync.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few connections a queue store keeps between operations (SQLite's and PostgreSQL's alike; no
 * pool library: a store holds a handful). A connection is borrowed for one operation and given back
 * healthy, or closed. After {@link #close()} nothing stays open, even when a give-back races with
 * it. Thread-safe.
 */
public final class IdleConnections implements AutoCloseable {

  /** Opens a new connection when none is idle. */
  @FunctionalInterface
  public interface Opener {
    /**
     * Opens one.
     *
     * @return a new connection
     * @throws SQLException when the database cannot be reached
     */
    Connection open() throws SQLException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(IdleConnections.class);

  private final BlockingQueue<Connection> idle;
  private volatile boolean closed;

  /**
   * An empty set.
   *
   * @param size how many idle connections to keep, at least 1
   */
  public IdleConnections(int size) {
    this.idle = new ArrayBlockingQueue<>(size);
  }

  /**
   * Whether {@link #close()} was called: the store then refuses operations.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * An idle connection, else a new one.
   *
   * @param opener how to open a new one
   * @return the connection, the caller's until {@link #giveBack}
   * @throws SQLException when a new one cannot be opened
   */
  public Connection borrow(Opener opener) throws SQLException {
    Connection pooled = idle.poll();
    return pooled != null ? pooled : opener.open();
  }

  /**
   * Keeps a healthy connection for the next operation, or closes it (unhealthy, the set full, or
   * closed).
   *
   * @param connection the borrowed connection
   * @param healthy whether it ended its operation in a clean state
   */
  public void giveBack(Connection connection, boolean healthy) {
    if (healthy && !closed && idle.offer(connection)) {
      if (closed) {
        close(); // close() raced with this give-back: drain again so nothing stays open
      }
      return;
    }
    closeQuietly(connection);
  }

  /** Closes the idle connections; borrowed ones are closed when given back. */
  @Override
  public void close() {
    closed = true;
    Connection connection;
    while ((connection = idle.poll()) != null) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing a queue connection failed", e);
    }
  }
}
