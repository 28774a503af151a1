package io.dossiersync.cli;

import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.drain.TaskStatus;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches a drain's task results for a receiver that could not be reached at all (connection errors
 * or timeouts and not one delivery) and then says so in one line, with what to do. Thread-safe.
 */
final class ReceiverReachability implements DrainListener {

  private final AtomicReference<String> firstNetworkFailure = new AtomicReference<>();
  private volatile boolean delivered;

  @Override
  public void onTask(TaskResult result) {
    TaskStatus status = result.status();
    if (status == TaskStatus.SENT
        || status == TaskStatus.UPLOADED
        || status == TaskStatus.ALREADY_EXISTS) {
      delivered = true;
    } else if (status == TaskStatus.RETRY && isNetworkFailure(result.reason())) {
      firstNetworkFailure.compareAndSet(null, result.reason());
    }
  }

  private static boolean isNetworkFailure(String reason) {
    return reason.startsWith("connection_error") || reason.startsWith("timeout");
  }

  /** Prints the one-line diagnosis when nothing got through because of the network. */
  void report(PrintStream err, String server) {
    String reason = firstNetworkFailure.get();
    if (reason != null && !delivered) {
      err.println(
          "dossier: cannot reach the receiver at "
              + server
              + " ("
              + reason
              + ");"
              + " everything stays queued and is retried with backoff: check --server and the"
              + " network, then run 'dossier drain'");
    }
  }
}
