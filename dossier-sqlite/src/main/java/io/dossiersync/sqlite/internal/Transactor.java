package io.dossiersync.sqlite.internal;

import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;

/**
 * Runs statement work in one transaction of a queue database, on the connection's {@link
 * SqlSession}: committed when the work returns, rolled back when it throws; a failure reaches the
 * caller as a {@link io.dossiersync.core.queue.QueueStoreException} naming the database. The queue
 * operations are written once against this, for SQLite and PostgreSQL. Implementations are
 * thread-safe.
 */
public interface Transactor {

  /**
   * Work on one transaction's session.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  interface Work<T> {
    /**
     * Runs the statements.
     *
     * @param session the transaction's session
     * @return the result
     * @throws SQLException when the database fails a statement
     */
    T run(SqlSession session) throws SQLException;
  }

  /**
   * Runs read-only work.
   *
   * @param operation what is being done, for error messages
   * @param work the queries
   * @param <T> the result type
   * @return what {@code work} returned
   */
  <T> T read(String operation, Work<T> work);

  /**
   * Runs work that changes rows it has fenced (claims, completions): it may run next to other
   * writers.
   *
   * @param operation what is being done, for error messages
   * @param work the statements
   * @param <T> the result type
   * @return what {@code work} returned
   */
  <T> T write(String operation, Work<T> work);

  /**
   * Runs work that reads, plans and then writes (enqueue, re-queue, purge): no other serialized
   * write runs on the database until it commits, so the plan stays valid.
   *
   * @param operation what is being done, for error messages
   * @param work the statements
   * @param <T> the result type
   * @return what {@code work} returned
   */
  <T> T writeSerialized(String operation, Work<T> work);

  /**
   * Where the database is, for messages and logs (never with a password).
   *
   * @return a file path or a server address
   */
  String location();
}
