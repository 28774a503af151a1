package io.dossiersync.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Requests (features) prepared on a few named daemon threads ahead of the one thread that writes
 * them, at most {@code window} of them at a time (read but not yet taken), so memory stays bounded
 * whatever the number of features. {@link #take(int)} is called with 0, 1, 2… in turn and returns
 * that request's preparation, waiting for it; a preparation that threw rethrows there. Closing
 * stops the threads and drops what was prepared but not taken. Used by one thread.
 */
final class PreparationAhead<Q, P> implements AutoCloseable {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ExecutorService threads;
  private final List<Q> requests;
  private final Function<Q, P> prepare;
  private final List<Future<P>> submitted = new ArrayList<>();
  private final int window;

  PreparationAhead(int threadCount, int window, List<Q> requests, Function<Q, P> prepare) {
    this.threads = Executors.newFixedThreadPool(threadCount, named(POOLS.incrementAndGet()));
    this.requests = requests;
    this.prepare = prepare;
    this.window = window;
  }

  /** The preparation of request {@code index}, after those before it were taken. */
  P take(int index) {
    while (submitted.size() < requests.size() && submitted.size() <= index + window - 1) {
      Q request = requests.get(submitted.size());
      submitted.add(threads.submit(() -> prepare.apply(request)));
    }
    Future<P> next = submitted.get(index);
    submitted.set(index, null);
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing " + requests.get(index), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  private static ThreadFactory named(int pool) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(runnable, "dossier-sync-prepare-" + pool + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
