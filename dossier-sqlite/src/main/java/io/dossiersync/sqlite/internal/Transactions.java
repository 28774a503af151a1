package io.dossiersync.sqlite.internal;

import io.dossiersync.sqlite.internal.sql.SqlSession;

/**
 * The {@link Transactor} of a SQLite file: each transaction on a pooled connection of the {@link
 * Database}, with the connection's {@link SqlSession}. Every write is {@code BEGIN IMMEDIATE},
 * which already serializes it against every other writer, so a serialized write is a plain one.
 * Thread-safe.
 */
public final class Transactions implements Transactor {

  private final Database database;

  /**
   * Wraps an open database.
   *
   * @param database the open, migrated database
   */
  public Transactions(Database database) {
    this.database = database;
  }

  @Override
  public <T> T read(String operation, Work<T> work) {
    return database.read(operation, c -> work.run(SqlSession.on(c)));
  }

  @Override
  public <T> T write(String operation, Work<T> work) {
    return database.write(operation, c -> work.run(SqlSession.on(c)));
  }

  @Override
  public <T> T writeSerialized(String operation, Work<T> work) {
    return write(operation, work);
  }

  @Override
  public String location() {
    return database.file().toString();
  }
}
