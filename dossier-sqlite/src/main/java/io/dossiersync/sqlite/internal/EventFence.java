package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;

import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.Lease;
import java.time.Instant;
import org.jooq.DSLContext;

/** How a claimed event is fenced in {@code event_queue}: by {@code event_id} and lease owner. */
enum EventFence implements SqliteSettle.Fence<ClaimedEvent> {
  /** The one instance. */
  INSTANCE;

  @Override
  public String key(ClaimedEvent claimed) {
    return claimed.event().eventId();
  }

  @Override
  public Lease lease(ClaimedEvent claimed) {
    return claimed.lease();
  }

  @Override
  public boolean fail(DSLContext dsl, ClaimedEvent claimed, String reason, Instant now) {
    return FailureRecordWriter.fromEvent(dsl, SqliteSettle.fenced(EVENT_QUEUE.EVENT_ID,
        EVENT_QUEUE.LEASE_OWNER, key(claimed), claimed.lease()), reason, now);
  }
}
