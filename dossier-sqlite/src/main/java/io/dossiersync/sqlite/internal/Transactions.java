package io.dossiersync.sqlite.internal;

import io.dossiersync.sqlite.internal.sql.SqlSession;
import java.sql.SQLException;

/**
 * Runs statement work in a {@link Database} transaction on the connection's {@link SqlSession}
 * (its prepared statements). Stateless.
 */
final class Transactions {

  private Transactions() {}

  /** Work on one transaction's session. */
  @FunctionalInterface
  interface Work<T> {
    T run(SqlSession session) throws SQLException;
  }

  static <T> T read(Database database, String operation, Work<T> work) {
    return database.read(operation, dsl -> dsl.connectionResult(c -> work.run(SqlSession.on(c))));
  }

  static <T> T write(Database database, String operation, Work<T> work) {
    return database.write(operation,
        dsl -> dsl.connectionResult(c -> work.run(SqlSession.on(c))));
  }
}
