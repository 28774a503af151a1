package io.dossiersync.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A child process that holds a queue file's write lock: {@code BEGIN IMMEDIATE}, one write, then
 * prints {@code locked} on stderr and sleeps for the given seconds before rolling back.
 */
public final class WriteLockHolder {

  private WriteLockHolder() {}

  /**
   * Holds the lock.
   *
   * @param args the queue file, the seconds to hold it
   */
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 10000");
      st.execute("BEGIN IMMEDIATE");
      st.execute("DELETE FROM failure_record");
      System.err.println("locked");
      Thread.sleep(Long.parseLong(args[1]) * 1000);
      st.execute("ROLLBACK");
    }
  }
}
