package io.dossiersync.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Plain-JDBC helpers for the enqueue path. A sync runs a handful of small statements per feature,
 * and through jOOQ it spent more time rendering, binding and listening to them than SQLite spent
 * running them; these statements are fixed text with {@code ?} placeholders instead. Stateless.
 */
final class Sql {

  private Sql() {}

  /**
   * A list of {@code count} placeholders for an {@code IN (...)} list or a row of values.
   *
   * @param count at least 1
   * @return {@code ?, ?, ...}
   */
  static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /**
   * Prepares a statement and binds its values in order; the caller closes it.
   *
   * @param connection the transaction's connection
   * @param sql the statement, one {@code ?} per value
   * @param values the values ({@code String}, {@code Long}, {@code Integer} or null)
   * @return the bound statement
   * @throws SQLException when SQLite rejects the statement or a value
   */
  static PreparedStatement prepare(Connection connection, String sql, List<?> values)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, values);
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /**
   * Binds values to the placeholders of a statement, in order.
   *
   * @param statement the statement
   * @param values the values ({@code String}, {@code Long}, {@code Integer} or null)
   * @throws SQLException when a value cannot be bound
   */
  static void bind(PreparedStatement statement, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
  }

  /**
   * Runs an update once per chunk of ids, {@code <prefix> (?, ?, ...)}, e.g. a delete by id.
   *
   * @param connection the transaction's connection
   * @param prefix the statement up to the {@code IN} list
   * @param ids the ids
   * @return how many rows changed
   * @throws SQLException when SQLite fails the statement
   */
  static int updateIn(Connection connection, String prefix, List<Long> ids) throws SQLException {
    int changed = 0;
    for (List<Long> chunk : QueueQueries.chunks(ids)) {
      try (PreparedStatement statement =
          prepare(connection, prefix + " (" + placeholders(chunk.size()) + ")", chunk)) {
        changed += statement.executeUpdate();
      }
    }
    return changed;
  }
}
