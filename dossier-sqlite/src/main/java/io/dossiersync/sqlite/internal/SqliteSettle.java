package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.Settlement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

/**
 * Applies a batch of settlements, or renews a batch of leases, in ONE write transaction: each
 * kind of change runs as one JDBC batch of its constant statement ({@link SettleStatements});
 * moves to the failure records go through {@link FailureRecordWriter}. A settlement whose lease
 * was lost matches no row and is left out of the result. Stateless apart from its statements.
 *
 * @param <C> the claimed task type
 */
final class SqliteSettle<C> {

  /** How a claimed task is fenced: its key and lease, and the jOOQ condition for the move. */
  interface Fence<C> {
    String key(C claimed);

    Lease lease(C claimed);

    /** Moves the task to the failure records in the caller's transaction; false when lost. */
    boolean fail(DSLContext dsl, C claimed, String reason, Instant now);
  }

  private final Database database;
  private final SettleStatements sql;
  private final Fence<C> fence;

  SqliteSettle(Database database, SettleStatements sql, Fence<C> fence) {
    this.database = database;
    this.sql = sql;
    this.fence = fence;
  }

  List<Settlement<C>> settle(List<Settlement<C>> settlements) {
    if (settlements.isEmpty()) {
      return List.of();
    }
    Map<Settlement.Action, List<Settlement<C>>> byAction = new EnumMap<>(Settlement.Action.class);
    settlements.forEach(s -> byAction.computeIfAbsent(s.action(), a -> new ArrayList<>()).add(s));
    return database.write("recording drain results", dsl -> {
      List<Settlement<C>> applied = new ArrayList<>(settlements.size());
      dsl.connection(c -> {
        run(c, sql.complete(), byAction.get(Settlement.Action.COMPLETE), Settlement::claimed,
            s -> List.of(), applied);
        run(c, sql.reschedule(), byAction.get(Settlement.Action.RESCHEDULE), Settlement::claimed,
            s -> List.of(Millis.of(s.nextAttemptAt().orElseThrow()), s.reason()), applied);
        run(c, sql.release(), byAction.get(Settlement.Action.RELEASE), Settlement::claimed,
            s -> List.of(), applied);
      });
      for (Settlement<C> s : byAction.getOrDefault(Settlement.Action.FAIL, List.of())) {
        if (fence.fail(dsl, s.claimed(), s.reason(), s.at())) {
          applied.add(s);
        }
      }
      List<Settlement<C>> inOrder = new ArrayList<>(applied.size());
      Set<Settlement<C>> done = new HashSet<>(applied);
      settlements.forEach(s -> {
        if (done.contains(s)) {
          inOrder.add(s);
        }
      });
      return inOrder;
    });
  }

  List<C> renew(List<C> held, Instant until) {
    if (held.isEmpty()) {
      return List.of();
    }
    return database.write("renewing leases", dsl -> {
      List<C> renewed = new ArrayList<>(held.size());
      dsl.connection(c -> run(c, sql.renew(), held, Function.identity(),
          claimed -> List.of(Millis.of(until)), renewed));
      return List.copyOf(renewed);
    });
  }

  /** One JDBC batch of {@code statement}: {@code leading} parameters, then key and owner token. */
  private <T> void run(Connection connection, String statement, @Nullable List<T> items,
      Function<T, C> claimed, Function<T, List<Object>> leading, List<T> applied)
      throws SQLException {
    if (items == null || items.isEmpty()) {
      return;
    }
    try (PreparedStatement prepared = connection.prepareStatement(statement)) {
      for (T item : items) {
        List<Object> values = new ArrayList<>(leading.apply(item));
        values.add(fence.key(claimed.apply(item)));
        values.add(LeaseColumns.token(fence.lease(claimed.apply(item)).owner()));
        Sql.bind(prepared, values);
        prepared.addBatch();
      }
      int[] counts = prepared.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          applied.add(items.get(i));
        }
      }
    }
  }

  /** The condition {@link FailureRecordWriter} moves by: key and owner token. */
  static Condition fenced(Field<String> key, Field<String> owner, String id, Lease lease) {
    return key.eq(id).and(owner.eq(LeaseColumns.token(lease.owner())));
  }
}
