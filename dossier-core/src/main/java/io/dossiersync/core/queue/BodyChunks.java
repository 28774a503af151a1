package io.dossiersync.core.queue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A feature's body tasks handed to {@link QueueStore#enqueueDossier(List, BodyChunks,
 * java.time.Instant)} a chunk at a time, so that a sync never holds all of a feature's body text in
 * memory (PRODUCT.md §3: at most about 32 MiB at a time). The store pulls the chunks inside its one
 * transaction; a chunk it has written need not be kept. Pulled once, by one thread.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BodyChunks {

  /**
   * The next chunk of tasks, in order.
   *
   * @return the next tasks; an empty list once every task was handed out (and on every call after)
   */
  List<BodyUploadTask> next();

  /**
   * All tasks as one chunk.
   *
   * @param tasks the tasks, in order
   * @return chunks that hand out {@code tasks} once, then nothing
   */
  static BodyChunks of(List<BodyUploadTask> tasks) {
    Iterator<List<BodyUploadTask>> once = List.of(List.copyOf(tasks)).iterator();
    return () -> once.hasNext() ? once.next() : List.of();
  }

  /**
   * Pulls every remaining chunk into one list (for a store that cannot stream).
   *
   * @param chunks the chunks
   * @return every remaining task, in order
   */
  static List<BodyUploadTask> drainAll(BodyChunks chunks) {
    List<BodyUploadTask> all = new ArrayList<>();
    for (List<BodyUploadTask> chunk = chunks.next(); !chunk.isEmpty(); chunk = chunks.next()) {
      all.addAll(chunk);
    }
    return all;
  }
}
