package io.dossiersync.reliability;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.receiver.BodyKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
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
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      StringBuilder answer = new StringBuilder();
      while (r.next()) {
        answer.append(answer.length() == 0 ? "" : "\n").append(r.getString(1));
      }
      return answer.toString();
    }
  }

  /** The (namespace, path, hash) of every body task in the queue, leased or not. */
  Set<BodyKey> bodyTasks() throws SQLException {
    Set<BodyKey> keys = new HashSet<>();
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT project_uuid, feature_slug, target_branch,"
                    + " mission_key, manifest_version, artifact_path, content_hash FROM body_queue")) {
      while (r.next()) {
        keys.add(
            new BodyKey(
                new NamespaceRef(
                    r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)),
                r.getString(6),
                r.getString(7)));
      }
    }
    return keys;
  }

  /** How many rows of a table hold an unexpired lease at {@code nowMillis}. */
  long leased(String table, long nowMillis) throws SQLException {
    try (Connection c = open();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM "
                    + table
                    + " WHERE lease_until IS NOT NULL AND lease_until > ?")) {
      s.setLong(1, nowMillis);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
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
    StringBuilder text = new StringBuilder();
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT feature_slug, artifact_path, retry_count,"
                    + " next_attempt_at, lease_owner, lease_until, last_error FROM body_queue")) {
      while (r.next()) {
        text.append(r.getString(1))
            .append(':')
            .append(r.getString(2))
            .append(" retries=")
            .append(r.getLong(3))
            .append(" next_attempt_at=")
            .append(r.getLong(4))
            .append(" lease=")
            .append(r.getString(5))
            .append('@')
            .append(r.getLong(6))
            .append(" last_error=")
            .append(r.getString(7))
            .append('\n');
      }
    }
    return text.toString();
  }

  /**
   * Event rows still queued, grouped by lease owner, retries and last error, for failure messages.
   */
  String describeEvents() throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT lease_owner, lease_until, retry_count, next_attempt_at,"
                    + " last_error, count(*) FROM event_queue GROUP BY 1, 2, 3, 4, 5")) {
      while (r.next()) {
        text.append("events lease=")
            .append(r.getString(1))
            .append('@')
            .append(r.getLong(2))
            .append(" retries=")
            .append(r.getLong(3))
            .append(" next_attempt_at=")
            .append(r.getLong(4))
            .append(" last_error=")
            .append(r.getString(5))
            .append(" count=")
            .append(r.getLong(6))
            .append('\n');
      }
    }
    return text.toString();
  }
}
