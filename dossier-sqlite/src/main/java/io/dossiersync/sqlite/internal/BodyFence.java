package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.Lease;
import java.time.Instant;
import org.jooq.DSLContext;

/** How a claimed body is fenced in {@code body_queue}: by {@code upload_id} and lease owner. */
enum BodyFence implements SqliteSettle.Fence<ClaimedBody> {
  /** The one instance. */
  INSTANCE;

  @Override
  public String key(ClaimedBody claimed) {
    return claimed.task().uploadId();
  }

  @Override
  public Lease lease(ClaimedBody claimed) {
    return claimed.lease();
  }

  @Override
  public boolean fail(DSLContext dsl, ClaimedBody claimed, String reason, Instant now) {
    return FailureRecordWriter.fromBody(dsl, SqliteSettle.fenced(BODY_QUEUE.UPLOAD_ID,
        BODY_QUEUE.LEASE_OWNER, key(claimed), claimed.lease()), reason, now);
  }
}
