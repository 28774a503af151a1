package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.QueueStoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns driver errors into {@link QueueStoreException}s whose message names the file and says what
 * to do. Stateless.
 */
final class SqliteErrors {

  private static final int BUSY = SQLiteErrorCode.SQLITE_BUSY.code;
  private static final int LOCKED = SQLiteErrorCode.SQLITE_LOCKED.code;
  private static final int CORRUPT = SQLiteErrorCode.SQLITE_CORRUPT.code;
  private static final int NOT_A_DB = SQLiteErrorCode.SQLITE_NOTADB.code;

  private SqliteErrors() {}

  /** Tells whether the failure is another connection holding the lock (worth a retry). */
  static boolean isBusy(Throwable error) {
    int code = primaryCode(error);
    return code == BUSY || code == LOCKED;
  }

  /** Tells whether SQLite found the file damaged or not a database at all. */
  static boolean isCorrupt(Throwable error) {
    int code = primaryCode(error);
    return code == CORRUPT || code == NOT_A_DB;
  }

  static QueueStoreException translate(Path file, String operation, Throwable error) {
    if (error instanceof QueueStoreException known) {
      return known;
    }
    if (isCorrupt(error)) {
      return corrupt(file, driverMessage(error), error);
    }
    if (isBusy(error)) {
      return new QueueStoreException(
          "queue file "
              + file
              + " stayed locked by another process during "
              + operation
              + "; retry later or raise the busy timeout",
          error);
    }
    return new QueueStoreException(
        "queue file " + file + ": " + operation + " failed: " + driverMessage(error), error);
  }

  static QueueStoreException corrupt(Path file, String what, @Nullable Throwable cause) {
    String message =
        "queue file "
            + file
            + " is corrupt or not a dossier-sync queue database ("
            + what
            + "); it was left untouched: move it aside (or pass another --db path) and sync again";
    return cause == null
        ? new QueueStoreException(message)
        : new QueueStoreException(message, cause);
  }

  private static int primaryCode(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        return sqlite.getResultCode().code & 0xff;
      }
      if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
        return sql.getErrorCode() & 0xff;
      }
    }
    return -1;
  }

  private static String driverMessage(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        return String.valueOf(t.getMessage());
      }
    }
    return String.valueOf(error.getMessage());
  }
}
