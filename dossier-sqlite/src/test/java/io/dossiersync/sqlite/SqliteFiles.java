package io.dossiersync.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/** Plain JDBC access to a queue file, to look at it from outside the store. */
final class SqliteFiles {

  private SqliteFiles() {}

  static Connection open(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  static long longValue(Path file, String sql) throws SQLException {
    return firstRow(file, sql, r -> r.getLong(1));
  }

  static String text(Path file, String sql) throws SQLException {
    return firstRow(file, sql, r -> r.getString(1));
  }

  /** Reads a value of the query's first row. */
  private static <T> T firstRow(Path file, String sql, Column<T> column) throws SQLException {
    try (Connection c = open(file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return column.read(r);
    }
  }

  /** Reads a value of the result set's current row. */
  @FunctionalInterface
  private interface Column<T> {
    T read(ResultSet row) throws SQLException;
  }

  static Set<String> strings(Path file, String sql) throws SQLException {
    Set<String> values = new HashSet<>();
    try (Connection c = open(file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  static void execute(Path file, String... statements) throws SQLException {
    try (Connection c = open(file);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
