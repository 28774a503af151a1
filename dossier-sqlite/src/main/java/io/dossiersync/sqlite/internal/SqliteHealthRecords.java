package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.HealthRecords;
import io.dossiersync.core.queue.HealthUpdate;
import io.dossiersync.core.queue.OldestPending;
import io.dossiersync.core.queue.QueueHealth;
import io.dossiersync.sqlite.internal.sql.Sql;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The queue health kept in the database's {@code queue_health} row, so that a drain in one process
 * and {@code dossier status} in another see the same values; the same code for SQLite and
 * PostgreSQL, on the statements of the rule ({@link Sql#HEALTH_READ} and the others). A record is
 * one serialized write transaction ({@code BEGIN IMMEDIATE} on SQLite, the schema's advisory lock
 * on PostgreSQL) that reads the row, folds the update in ({@link QueueHealth#plus}) and writes it
 * back: two drainers never lose each other's update. Reads take no write lock. Thread-safe.
 */
public final class SqliteHealthRecords implements HealthRecords {

  private final Transactor database;

  /**
   * Health over an open, migrated database.
   *
   * @param database the queue database's transactions
   */
  public SqliteHealthRecords(Transactor database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public QueueHealth read() {
    return database.read("reading the queue health", SqliteHealthRecords::read);
  }

  @Override
  public void record(HealthUpdate update) {
    Objects.requireNonNull(update, "update");
    database.writeSerialized(
        "recording the queue health",
        s -> {
          QueueHealth next = read(s).plus(update);
          return s.update(
              Sql.HEALTH_WRITE,
              millis(next.lastDeliveryAt()),
              millis(next.lastAttemptAt()),
              next.lastError().orElse(null),
              millis(next.drainerHeartbeatAt()));
        });
  }

  @Override
  public Optional<OldestPending> oldestPending() {
    return database.read(
        "finding the oldest pending task",
        s -> {
          Optional<OldestPending> event = oldest(s, Sql.HEALTH_OLDEST_EVENT, FailureKind.EVENT);
          Optional<OldestPending> body = oldest(s, Sql.HEALTH_OLDEST_BODY, FailureKind.BODY);
          return Stream.of(event, body)
              .flatMap(Optional::stream)
              .min(Comparator.comparing(OldestPending::createdAt));
        });
  }

  private static QueueHealth read(SqlSession s) throws SQLException {
    try (ResultSet rs = s.query(Sql.HEALTH_READ)) {
      if (!rs.next()) {
        return QueueHealth.none();
      }
      return new QueueHealth(
          instant(rs, 1), instant(rs, 2), Optional.ofNullable(rs.getString(3)), instant(rs, 4));
    }
  }

  private static Optional<OldestPending> oldest(SqlSession s, Sql sql, FailureKind kind)
      throws SQLException {
    try (ResultSet rs = s.query(sql)) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new OldestPending(
              kind, rs.getString(1), rs.getString(2), Millis.toInstant(rs.getLong(3))));
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
