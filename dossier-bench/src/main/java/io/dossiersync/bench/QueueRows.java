package io.dossiersync.bench;

import io.dossiersync.sqlite.internal.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The rows of one queue table as the store wrote them (every column but the row id), kept in memory
 * so the floor of {@code sync-corpus} can insert exactly the same rows with bare JDBC. Immutable
 * once read.
 *
 * @param table the table name
 * @param columns the column names, row id excluded
 * @param rows the values, one array per row, in column order
 */
record QueueRows(String table, List<String> columns, List<Object[]> rows) {

  /** Reads every row of {@code table}. */
  static QueueRows read(Connection connection, String table) throws SQLException {
    try (Statement select = connection.createStatement();
        ResultSet rs = select.executeQuery("select * from " + table + " order by id")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      List<Integer> indexes = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        if (!meta.getColumnName(i).equals("id")) {
          columns.add(meta.getColumnName(i));
          indexes.add(i);
        }
      }
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] values = new Object[indexes.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = rs.getObject(indexes.get(i));
        }
        rows.add(values);
      }
      return new QueueRows(table, List.copyOf(columns), Collections.unmodifiableList(rows));
    }
  }

  /** Adds every row to a batch of one prepared insert; the caller commits. */
  void insert(Connection connection) throws SQLException {
    String sql =
        "insert into "
            + table
            + " ("
            + String.join(", ", columns)
            + ") values ("
            + String.join(", ", Collections.nCopies(columns.size(), "?"))
            + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 1, row[i]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** A bare connection with the store's pragmas (WAL, synchronous=NORMAL). */
  static Connection open(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** Creates the queue schema in an empty file, as the store's migrator does. */
  static void createSchema(Connection connection) throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      for (int v = 1; v <= SchemaMigrator.CURRENT_VERSION; v++) {
        for (String sql : SchemaMigrator.statements(SchemaMigrator.script(v))) {
          ddl.execute(sql);
        }
      }
    }
  }
}
