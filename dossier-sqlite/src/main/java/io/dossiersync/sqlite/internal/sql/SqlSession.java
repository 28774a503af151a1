package io.dossiersync.sqlite.internal.sql;

import io.dossiersync.core.queue.QueueStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the rendered statements ({@link Sql}) on one connection as JDBC prepared statements, each
 * prepared once per connection and kept until the connection closes. Binds values in the order of
 * {@link Sql#params()}; a {@link Collection} value goes in as one JSON array. Nothing is rendered
 * or parsed per call.
 *
 * <p>Not thread-safe: a session belongs to its connection, which one thread uses at a time (the
 * pool lends it to one transaction). {@link #on} is thread-safe; it forgets the sessions of
 * connections that have been closed.
 */
public final class SqlSession {

  private static final Map<Connection, SqlSession> SESSIONS = new IdentityHashMap<>();

  private final Connection connection;
  private final RenderedSql rendered;
  private final Map<Sql, PreparedStatement> prepared = new EnumMap<>(Sql.class);

  private SqlSession(Connection connection, RenderedSql rendered) {
    this.connection = connection;
    this.rendered = rendered;
  }

  /**
   * The session of a connection, created on first use, with the statements of its dialect
   * (PostgreSQL for a PostgreSQL driver connection, else SQLite).
   *
   * @param connection an open connection of the queue database
   * @return its session, with the statements it prepared so far
   */
  public static SqlSession on(Connection connection) {
    synchronized (SESSIONS) {
      SqlSession session = SESSIONS.get(connection);
      if (session == null) {
        forgetClosed();
        session = new SqlSession(connection, RenderedSql.of(connection));
        SESSIONS.put(connection, session);
      }
      return session;
    }
  }

  /**
   * The connection this session runs on.
   *
   * @return the connection, lent to the current transaction
   */
  public Connection connection() {
    return connection;
  }

  /**
   * How this connection's schema keeps a body: bind a body with {@link BodyColumn#bind} and read
   * one with {@link BodyColumn#read}.
   *
   * @return the body column of the connection's dialect
   */
  public BodyColumn bodyColumn() {
    return rendered.bodyColumn();
  }

  /**
   * Runs a statement that changes rows.
   *
   * @param sql the statement
   * @param values its values, in the order of {@link Sql#params()}
   * @return how many rows changed
   * @throws SQLException when the database fails the statement
   */
  public int update(Sql sql, Object... values) throws SQLException {
    return bound(sql, values).executeUpdate();
  }

  /**
   * Runs a query; the caller closes the result (never the statement, which is kept).
   *
   * @param sql the statement
   * @param values its values, in the order of {@link Sql#params()}
   * @return the open result
   * @throws SQLException when the database fails the statement
   */
  public ResultSet query(Sql sql, Object... values) throws SQLException {
    return bound(sql, values).executeQuery();
  }

  /**
   * Runs a query whose first column is a number.
   *
   * @param sql the statement
   * @param values its values, in the order of {@link Sql#params()}
   * @return the first row's first column, empty when there is no row or it is NULL
   * @throws SQLException when the database fails the statement
   */
  public Optional<Long> number(Sql sql, Object... values) throws SQLException {
    try (ResultSet rs = query(sql, values)) {
      if (!rs.next()) {
        return Optional.empty();
      }
      long value = rs.getLong(1);
      return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
  }

  /**
   * Runs a query and reads every row.
   *
   * @param sql the statement
   * @param row reads the current row of the result
   * @param values its values, in the order of {@link Sql#params()}
   * @param <T> what a row becomes
   * @return the rows, in the result's order
   * @throws SQLException when the database fails the statement
   */
  public <T> List<T> list(Sql sql, Row<T> row, Object... values) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (ResultSet rs = query(sql, values)) {
      while (rs.next()) {
        rows.add(row.read(rs));
      }
    }
    return rows;
  }

  /**
   * Runs a statement once per value set as one JDBC batch.
   *
   * @param sql the statement
   * @param rows the value sets, each in the order of {@link Sql#params()}
   * @return how many rows changed in all
   * @throws SQLException when the database fails the batch
   */
  public long batch(Sql sql, List<Object[]> rows) throws SQLException {
    long changed = 0;
    for (int count : batchCounts(sql, rows)) {
      changed += count;
    }
    return changed;
  }

  /**
   * Runs an insert once per planned row as one JDBC batch, every one of which must insert its row.
   *
   * @param sql the insert
   * @param rows the planned rows, each in the order of {@link Sql#params()}
   * @param what what inserts them, for the error, e.g. {@code "body enqueue"}
   * @throws QueueStoreException when fewer rows went in than planned (the caller's transaction then
   *     rolls back)
   * @throws SQLException when the database fails the batch
   */
  public void insertPlanned(Sql sql, List<Object[]> rows, String what) throws SQLException {
    long inserted = batch(sql, rows);
    if (inserted != rows.size()) {
      throw new QueueStoreException(
          what
              + " inserted "
              + inserted
              + " of "
              + rows.size()
              + " planned rows; the batch was rolled back");
    }
  }

  /**
   * Runs a statement once per value set as one JDBC batch, and tells what each changed.
   *
   * @param sql the statement (one that returns no rows)
   * @param rows the value sets, each in the order of {@link Sql#params()}
   * @return how many rows each value set changed, in the order of {@code rows}
   * @throws SQLException when the database fails the batch
   */
  public int[] batchCounts(Sql sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    PreparedStatement statement = statement(sql);
    statement.clearBatch();
    for (Object[] values : rows) {
      bind(statement, sql, values);
      statement.addBatch();
    }
    return statement.executeBatch();
  }

  private PreparedStatement bound(Sql sql, Object[] values) throws SQLException {
    PreparedStatement statement = statement(sql);
    bind(statement, sql, values);
    return statement;
  }

  private void bind(PreparedStatement statement, Sql sql, Object[] values) throws SQLException {
    if (values.length != sql.params().size()) {
      throw new IllegalArgumentException(
          sql + " takes " + sql.params() + ", got " + values.length + " values");
    }
    int[] binds = rendered.text(sql).binds();
    for (int i = 0; i < binds.length; i++) {
      Object value = values[binds[i]];
      statement.setObject(i + 1, value instanceof Collection<?> list ? JsonList.of(list) : value);
    }
  }

  private PreparedStatement statement(Sql sql) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(rendered.text(sql).sql());
      prepared.put(sql, statement);
    }
    return statement;
  }

  /** Drops the sessions of closed connections (their statements closed with them). */
  private static void forgetClosed() {
    for (Iterator<Connection> it = SESSIONS.keySet().iterator(); it.hasNext(); ) {
      try {
        if (it.next().isClosed()) {
          it.remove();
        }
      } catch (SQLException e) {
        it.remove();
      }
    }
  }

  /**
   * Reads one row of a result.
   *
   * @param <T> what the row becomes
   */
  @FunctionalInterface
  public interface Row<T> {
    /**
     * Reads the current row.
     *
     * @param rs the result, on a row
     * @return the row's value
     * @throws SQLException when a column cannot be read
     */
    T read(ResultSet rs) throws SQLException;
  }
}
