package io.dossiersync.reliability;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.receiver.BodyKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Looks at a queue file from outside the product, with plain JDBC: integrity, the body tasks it
 * holds, and the leases a killed drainer left behind.
 */
final class QueueFile {

  private final Path file;

  QueueFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  private Connection open() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** The answer of {@code PRAGMA integrity_check}: {@code ok} for an intact file. */
  String integrityCheck() throws SQLException {
    return String.join("\n", select("PRAGMA integrity_check", r -> r.getString(1)));
  }

  /** The (namespace, path, hash) of every body task in the queue, leased or not. */
  Set<BodyKey> bodyTasks() throws SQLException {
    return new HashSet<>(
        select(
            "SELECT project_uuid, feature_slug, target_branch,"
                + " mission_key, manifest_version, artifact_path, content_hash FROM body_queue",
            r ->
                new BodyKey(
                    new NamespaceRef(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5)),
                    r.getString(6),
                    r.getString(7))));
  }

  /** How many rows of a table hold an unexpired lease at {@code nowMillis}. */
  long leased(String table, long nowMillis) throws SQLException {
    return select(
            "SELECT count(*) FROM " + table + " WHERE lease_until IS NOT NULL AND lease_until > ?",
            r -> r.getLong(1),
            nowMillis)
        .get(0);
  }

  /**
   * Stands in for the passing of the lease duration (10 minutes in the CLI) after a drainer was
   * killed: moves every lease end back to now, exactly what waiting for it would do to the claim
   * query. Touches no other column. Returns how many leases it ended.
   */
  int expireLeases(long nowMillis) throws SQLException {
    int ended = 0;
    try (Connection c = open()) {
      for (String table : new String[] {"event_queue", "body_queue"}) {
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE "
                    + table
                    + " SET lease_until = ? WHERE lease_until IS NOT NULL AND lease_until > ?")) {
          s.setLong(1, nowMillis);
          s.setLong(2, nowMillis);
          ended += s.executeUpdate();
        }
      }
    }
    return ended;
  }

  /**
   * One line per body task (path, retries, due and lease times, last error), for failure messages.
   */
  String describeBodies() throws SQLException {
    return lines(
        "SELECT feature_slug, artifact_path, retry_count,"
            + " next_attempt_at, lease_owner, lease_until, last_error FROM body_queue",
        r ->
            String.format(
                "%s:%s retries=%d next_attempt_at=%d lease=%s@%d last_error=%s",
                r.getString(1),
                r.getString(2),
                r.getLong(3),
                r.getLong(4),
                r.getString(5),
                r.getLong(6),
                r.getString(7)));
  }

  /**
   * Event rows still queued, grouped by lease owner, retries and last error, for failure messages.
   */
  String describeEvents() throws SQLException {
    return lines(
        "SELECT lease_owner, lease_until, retry_count, next_attempt_at,"
            + " last_error, count(*) FROM event_queue GROUP BY 1, 2, 3, 4, 5",
        r ->
            String.format(
                "events lease=%s@%d retries=%d next_attempt_at=%d last_error=%s count=%d",
                r.getString(1),
                r.getLong(2),
                r.getLong(3),
                r.getLong(4),
                r.getString(5),
                r.getLong(6)));
  }

  /** Reads one value from the current row of a result. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Runs one query on a fresh connection and reads every row of its answer. */
  private <T> List<T> select(String sql, RowReader<T> reader, long... parameters)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (Connection c = open();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setLong(i + 1, parameters[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(reader.read(r));
        }
      }
    }
    return rows;
  }

  /** One line (ended by a newline) per row of a query, for failure messages. */
  private String lines(String sql, RowReader<String> line) throws SQLException {
    StringBuilder text = new StringBuilder();
    for (String row : select(sql, line)) {
      text.append(row).append('\n');
    }
    return text.toString();
  }
}
