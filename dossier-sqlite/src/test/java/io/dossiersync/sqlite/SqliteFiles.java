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
    try (Connection c = open(file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static String text(Path file, String sql) throws SQLException {
    try (Connection c = open(file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
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
