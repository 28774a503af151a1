package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.ClaimedTask;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.sqlite.internal.sql.LeaseColumns;
import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of settlements, or renews a batch of leases, inside the caller's one write
 * transaction, with the queue's own fenced statements ({@link QueueSql}): completions and moves to
 * the failure records as one statement per lease owner (and reason) over a JSON list of keys,
 * reschedules and releases as one JDBC batch each. A settlement whose lease was lost matches no row
 * and is left out of the result. Stateless.
 *
 * @param <C> the claimed task type
 */
final class SqliteSettle<C extends ClaimedTask> {

  private final QueueSql q;

  /**
   * @param q the queue's statements
   */
  SqliteSettle(QueueSql q) {
    this.q = q;
  }

  /** Applies the settlements inside the caller's transaction; returns those that applied. */
  List<Settlement<C>> settle(SqlSession s, List<Settlement<C>> settlements) throws SQLException {
    if (settlements.isEmpty()) {
      return List.of();
    }
    // The task ids that applied (each task is settled at most once per call, as the port says):
    // a settlement's own equality would hash its whole task, body or payload included.
    Set<String> applied = new HashSet<>();
    List<Settlement<C>> reschedules = new ArrayList<>();
    List<Settlement<C>> releases = new ArrayList<>();
    Map<List<Object>, List<Settlement<C>>> completes = new LinkedHashMap<>();
    Map<List<Object>, List<Settlement<C>>> fails = new LinkedHashMap<>();
    for (Settlement<C> settlement : settlements) {
      String owner = settlement.claimed().lease().owner();
      switch (settlement.action()) {
        case COMPLETE ->
            completes.computeIfAbsent(List.of(owner), k -> new ArrayList<>()).add(settlement);
        case RESCHEDULE -> reschedules.add(settlement);
        case RELEASE -> releases.add(settlement);
        case FAIL ->
            fails
                .computeIfAbsent(
                    List.of(owner, settlement.reason(), settlement.at()), k -> new ArrayList<>())
                .add(settlement);
      }
    }
    for (List<Settlement<C>> group : completes.values()) {
      applied.addAll(complete(s, group));
    }
    batch(s, reschedules, applied, true);
    batch(s, releases, applied, false);
    for (List<Settlement<C>> group : fails.values()) {
      Settlement<C> first = group.get(0);
      String token = token(first.claimed());
      List<String> ids = keys(group);
      s.update(q.fail(), token, ids, first.reason(), Millis.of(first.at()));
      applied.addAll(complete(s, group));
    }
    List<Settlement<C>> inOrder = new ArrayList<>(applied.size());
    settlements.forEach(
        settlement -> {
          if (applied.contains(settlement.claimed().taskId())) {
            inOrder.add(settlement);
          }
        });
    return List.copyOf(inOrder);
  }

  /** Renews the leases still held, inside the caller's transaction; returns the tasks renewed. */
  List<C> renew(SqlSession s, List<C> held, Instant until) throws SQLException {
    if (held.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> idsByOwner = new LinkedHashMap<>();
    held.forEach(
        c -> idsByOwner.computeIfAbsent(c.lease().owner(), o -> new ArrayList<>()).add(c.taskId()));
    Map<String, Set<String>> renewed = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : idsByOwner.entrySet()) {
      renewed.put(
          entry.getKey(),
          new HashSet<>(
              s.list(
                  q.renew(),
                  rs -> rs.getString(1),
                  LeaseColumns.token(entry.getKey()),
                  entry.getValue(),
                  Millis.of(until))));
    }
    return held.stream().filter(c -> renewed.get(c.lease().owner()).contains(c.taskId())).toList();
  }

  /** Deletes the held tasks of one owner's group; returns the keys deleted. */
  private Set<String> complete(SqlSession s, List<Settlement<C>> group) throws SQLException {
    return QueueQueries.complete(s, q, group.get(0).claimed().lease().owner(), keys(group));
  }

  /** One JDBC batch of reschedules or releases, one value set (and one key) per settlement. */
  private void batch(
      SqlSession s, List<Settlement<C>> items, Set<String> applied, boolean reschedule)
      throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(items.size());
    for (Settlement<C> item : items) {
      List<String> ids = List.of(item.claimed().taskId());
      rows.add(
          reschedule
              ? new Object[] {
                token(item.claimed()),
                ids,
                Millis.of(item.nextAttemptAt().orElseThrow()),
                item.reason()
              }
              : new Object[] {token(item.claimed()), ids});
    }
    int[] counts = s.batchCounts(reschedule ? q.reschedule() : q.release(), rows);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        applied.add(items.get(i).claimed().taskId());
      }
    }
  }

  private List<String> keys(List<Settlement<C>> group) {
    return group.stream().map(g -> g.claimed().taskId()).toList();
  }

  private String token(C claimed) {
    return LeaseColumns.token(claimed.lease().owner());
  }
}
