package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.FailedIndexEvent;
import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.sqlite.internal.sql.Sql;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The failure records of a SQLite queue file. Listing leaves the stored task payloads on disk;
 * re-queueing runs in one write transaction ({@link Requeue}). Thread-safe.
 */
public final class SqliteFailureRecords implements FailureRecords {

  private final Transactor database;
  private final int maxQueueSize;

  /**
   * Creates the view.
   *
   * @param database the open, migrated database's transactions
   * @param maxQueueSize the capacity of each queue, which re-queued tasks respect
   */
  public SqliteFailureRecords(Transactor database, int maxQueueSize) {
    this.database = database;
    this.maxQueueSize = maxQueueSize;
  }

  @Override
  public List<FailureRecord> list(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    return database.read(
        "listing failure records",
        s ->
            s.list(
                Sql.FAILURE_LIST,
                rs ->
                    new FailureRecord(
                        rs.getLong(1),
                        FailureKind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getString(3),
                        rs.getString(4),
                        Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6)),
                        rs.getString(7),
                        rs.getInt(8),
                        Millis.toInstant(rs.getLong(9)),
                        Millis.toInstant(rs.getLong(10))),
                limit));
  }

  @Override
  public long count() {
    return database.read("counting failure records", s -> s.number(Sql.FAILURE_COUNT).orElse(0L));
  }

  @Override
  public Set<FailedIndexEvent> failedIndexEvents() {
    return Set.copyOf(
        database.read(
            "reading the failed index events",
            s ->
                s.list(
                    Sql.FAILURE_INDEX_EVENTS,
                    rs ->
                        new FailedIndexEvent(
                            new NamespaceRef(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)),
                            rs.getString(6),
                            rs.getString(7),
                            Millis.toInstant(rs.getLong(8))))));
  }

  @Override
  public int requeue(Collection<Long> ids, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    List<Long> wanted = List.copyOf(ids);
    return database.writeSerialized(
        "re-queueing failure records",
        s ->
            new Requeue(s, maxQueueSize, Millis.of(now))
                .run(IndexEventFollowers.withFollowers(s, wanted)));
  }

  @Override
  public int requeueAll(Instant now) {
    return database.writeSerialized(
        "re-queueing every failure record",
        s -> {
          List<Long> all = s.list(Sql.FAILURE_IDS, rs -> rs.getLong(1));
          return new Requeue(s, maxQueueSize, Millis.of(now)).run(all);
        });
  }
}
