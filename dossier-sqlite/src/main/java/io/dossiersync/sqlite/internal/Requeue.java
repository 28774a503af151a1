package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.FailureKind;
import io.dossiersync.sqlite.internal.sql.Sql;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Puts failure records back into their queues inside the caller's write transaction, following the
 * enqueue rules: a task already pending, or one with a newer pending version (another hash for the
 * same namespace and path; another event with the same coalesce key), is dropped with its record
 * and not counted; a task that finds its queue full keeps its record. The stored payload moves with
 * {@code INSERT ... SELECT}, never through Java. Not thread-safe: one per call.
 */
final class Requeue {

  private final SqlSession s;
  private final int maxQueueSize;
  private final long now;
  private final Map<FailureKind, Long> pending = new EnumMap<>(FailureKind.class);

  Requeue(SqlSession session, int maxQueueSize, long now) {
    this.s = session;
    this.maxQueueSize = maxQueueSize;
    this.now = now;
  }

  int run(List<Long> ids) throws SQLException {
    pending.put(FailureKind.EVENT, s.number(Sql.EVENT_ROWS_COUNT).orElse(0L));
    pending.put(FailureKind.BODY, s.number(Sql.BODY_ROWS_COUNT).orElse(0L));
    int requeued = 0;
    for (Row row :
        s.list(
            Sql.FAILURE_ROWS,
            rs ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(11)),
            ids)) {
      requeued +=
          FailureKind.BODY.wireName().equals(row.kind())
              ? requeue(
                  row,
                  FailureKind.BODY,
                  s.number(
                          Sql.FAILURE_BODY_PENDING,
                          row.project(),
                          row.feature(),
                          row.branch(),
                          row.mission(),
                          row.manifest(),
                          row.path())
                      .isPresent(),
                  Sql.FAILURE_REQUEUE_BODY)
              : requeue(
                  row,
                  FailureKind.EVENT,
                  s.number(Sql.FAILURE_EVENT_PENDING, row.taskId(), row.coalesceKey()).isPresent(),
                  Sql.FAILURE_REQUEUE_EVENT);
    }
    return requeued;
  }

  /**
   * The rule both queues share: a record whose task (or a newer one) is pending is dropped; a
   * record whose queue is full stays; otherwise {@code insert} copies it back and the record is
   * deleted.
   *
   * @return how many rows {@code insert} added (0 or 1)
   */
  private int requeue(Row row, FailureKind kind, boolean newerOrSame, Sql insert)
      throws SQLException {
    if (newerOrSame) {
      s.update(Sql.FAILURE_DELETE, row.id());
      return 0;
    }
    if (pending.get(kind) >= maxQueueSize) {
      return 0;
    }
    int inserted = s.update(insert, row.id(), now);
    pending.merge(kind, (long) inserted, Long::sum);
    s.update(Sql.FAILURE_DELETE, row.id());
    return inserted;
  }

  /** The keys of one failure record (its payload stays in the table). */
  private record Row(
      long id,
      String kind,
      String taskId,
      String project,
      String feature,
      String branch,
      String mission,
      String manifest,
      String path,
      String coalesceKey) {}
}
