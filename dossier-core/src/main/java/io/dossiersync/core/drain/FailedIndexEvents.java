package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.FailedIndexEvent;
import io.dossiersync.core.queue.FailureRecords;
import io.dossiersync.core.queue.QueueStoreException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index events a round knows went to the failure records (PRODUCT.md §4.2): those it failed
 * itself, and those the store's failure records hold from an earlier round or another process, read
 * once, when the round claims its first body. A body they announce is failed as {@link
 * DrainReasons#INDEX_EVENT_FAILED} instead of being sent. Owned by the round thread.
 */
final class FailedIndexEvents {

  private static final Logger LOG = LoggerFactory.getLogger(DrainEngine.class);

  private final FailureRecords records;
  private final Set<IndexKey> thisRound = new HashSet<>();
  private @Nullable Set<FailedIndexEvent> stored;

  FailedIndexEvents(FailureRecords records) {
    this.records = records;
  }

  /** An event went to the failure records this round: remembers the body it announced. */
  void add(EventRecord event) {
    IndexKey.of(event).ifPresent(thisRound::add);
  }

  /** True when the body's index event is in the failure records. */
  boolean announce(ClaimedBody body) {
    if (!thisRound.isEmpty() && thisRound.contains(IndexKey.of(body.task()))) {
      return true;
    }
    for (FailedIndexEvent event : stored()) {
      if (event.announces(body.task(), body.createdAt())) {
        return true;
      }
    }
    return false;
  }

  private Set<FailedIndexEvent> stored() {
    if (stored == null) {
      try {
        stored = records.failedIndexEvents();
      } catch (QueueStoreException e) {
        LOG.warn(
            "could not read the failed index events; bodies whose index event failed"
                + " earlier are sent this round: {}",
            e.toString());
        stored = Set.of();
      }
    }
    return stored;
  }
}
