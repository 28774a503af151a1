package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.HealthRecords;
import io.dossiersync.core.queue.HealthUpdate;
import io.dossiersync.core.queue.OldestPending;
import io.dossiersync.core.queue.QueueHealth;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The queue health kept in the SQLite file's {@code queue_health} row, so that a drain in one
 * process and {@code dossier status} in another see the same values. A record is one short
 * {@code BEGIN IMMEDIATE} transaction that reads the row, folds the update in ({@link
 * QueueHealth#plus}) and writes it back: two drainers never lose each other's update. Reads take
 * no write lock. Thread-safe.
 */
public final class SqliteHealthRecords implements HealthRecords {

  private final Database database;

  /**
   * Health over an open, migrated database.
   *
   * @param database the queue file
   */
  public SqliteHealthRecords(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public QueueHealth read() {
    return database.read("reading the queue health", dsl -> dsl.connectionResult(this::read));
  }

  @Override
  public void record(HealthUpdate update) {
    Objects.requireNonNull(update, "update");
    database.write("recording the queue health", dsl -> dsl.connectionResult(c -> {
      QueueHealth next = read(c).plus(update);
      try (PreparedStatement statement = c.prepareStatement(HealthSql.WRITE)) {
        Sql.bind(statement, Arrays.asList(millis(next.lastDeliveryAt()),
            millis(next.lastAttemptAt()), next.lastError().orElse(null),
            millis(next.drainerHeartbeatAt())));
        return statement.executeUpdate();
      }
    }));
  }

  @Override
  public Optional<OldestPending> oldestPending() {
    return database.read("finding the oldest pending task", dsl -> dsl.connectionResult(c -> {
      Optional<OldestPending> event = oldest(c, HealthSql.OLDEST_EVENT, FailureKind.EVENT);
      Optional<OldestPending> body = oldest(c, HealthSql.OLDEST_BODY, FailureKind.BODY);
      return Stream.of(event, body).flatMap(Optional::stream)
          .min(Comparator.comparing(OldestPending::createdAt));
    }));
  }

  private QueueHealth read(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(HealthSql.READ);
        ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return QueueHealth.none();
      }
      return new QueueHealth(instant(rs, 1), instant(rs, 2), Optional.ofNullable(rs.getString(3)),
          instant(rs, 4));
    }
  }

  private static Optional<OldestPending> oldest(Connection connection, String sql,
      FailureKind kind) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new OldestPending(kind, rs.getString(1), rs.getString(2),
          Millis.toInstant(rs.getLong(3))));
    }
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Millis.toInstant(value));
  }

  /** The value to bind: epoch milliseconds, or SQL NULL for never. */
  private static @Nullable Long millis(Optional<Instant> instant) {
    return instant.map(Millis::of).orElse(null);
  }
}
