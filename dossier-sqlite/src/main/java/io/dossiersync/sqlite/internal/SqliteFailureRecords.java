package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.FailureRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The failure records of a SQLite queue file. Listing leaves the stored task payloads on disk;
 * re-queueing runs in one write transaction ({@link Requeue}). Thread-safe.
 */
public final class SqliteFailureRecords implements FailureRecords {

  private final Database database;
  private final int maxQueueSize;

  /**
   * Creates the view.
   *
   * @param database the open, migrated database
   * @param maxQueueSize the capacity of each queue, which re-queued tasks respect
   */
  public SqliteFailureRecords(Database database, int maxQueueSize) {
    this.database = database;
    this.maxQueueSize = maxQueueSize;
  }

  @Override
  public List<FailureRecord> list(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    return database.read("listing failure records", dsl -> {
      List<FailureRecord> records = new ArrayList<>();
      dsl.select(FAILURE_RECORD.ID, FAILURE_RECORD.KIND, FAILURE_RECORD.PROJECT_UUID,
              FAILURE_RECORD.FEATURE_SLUG, FAILURE_RECORD.ARTIFACT_PATH,
              FAILURE_RECORD.CONTENT_HASH, FAILURE_RECORD.REASON, FAILURE_RECORD.ATTEMPTS,
              FAILURE_RECORD.FIRST_FAILED_AT, FAILURE_RECORD.LAST_FAILED_AT)
          .from(FAILURE_RECORD)
          .orderBy(FAILURE_RECORD.FIRST_FAILED_AT, FAILURE_RECORD.ID)
          .limit(limit)
          .forEach(row -> records.add(new FailureRecord(row.value1(),
              FailureKind.valueOf(row.value2().toUpperCase(Locale.ROOT)), row.value3(),
              row.value4(), Optional.ofNullable(row.value5()), Optional.ofNullable(row.value6()),
              row.value7(), row.value8(), Millis.toInstant(row.value9()),
              Millis.toInstant(row.value10()))));
      return records;
    });
  }

  @Override
  public long count() {
    return database.read("counting failure records", dsl -> (long) dsl.fetchCount(FAILURE_RECORD));
  }

  @Override
  public int requeue(Collection<Long> ids, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    List<Long> wanted = List.copyOf(ids);
    return database.write("re-queueing failure records",
        dsl -> new Requeue(dsl, maxQueueSize, Millis.of(now))
            .run(IndexEventFollowers.withFollowers(dsl, wanted)));
  }

  @Override
  public int requeueAll(Instant now) {
    return database.write("re-queueing every failure record", dsl -> {
      List<Long> all = dsl.select(FAILURE_RECORD.ID).from(FAILURE_RECORD)
          .orderBy(FAILURE_RECORD.ID).fetch(FAILURE_RECORD.ID);
      return new Requeue(dsl, maxQueueSize, Millis.of(now)).run(all);
    });
  }
}
