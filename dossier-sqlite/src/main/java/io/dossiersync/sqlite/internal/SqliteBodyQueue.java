package io.dossiersync.sqlite.internal;

import static io.dossiersync.sqlite.internal.jooq.Tables.BODY_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.sqlite.internal.jooq.tables.records.BodyQueueRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body queue of a SQLite queue file. Every call is one short transaction on its own pooled
 * connection; state changes after a claim are fenced by {@code upload_id} and {@code
 * lease_owner}. Thread-safe and safe across processes sharing the file.
 */
public final class SqliteBodyQueue implements BodyQueue {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteBodyQueue.class);
  private static final QueueColumns Q = QueueColumns.BODIES;

  private final Database database;
  private final int maxQueueSize;

  /**
   * Creates the view.
   *
   * @param database the open, migrated database
   * @param maxQueueSize the most tasks the queue holds
   */
  public SqliteBodyQueue(Database database, int maxQueueSize) {
    this.database = database;
    this.maxQueueSize = maxQueueSize;
  }

  @Override
  public EnqueueResult enqueue(List<BodyUploadTask> tasks, Instant now) {
    if (tasks.isEmpty()) {
      return new EnqueueResult(List.of(), 0);
    }
    EnqueueResult result = database.write("enqueueing bodies",
        dsl -> new BodyEnqueue(dsl, maxQueueSize).run(tasks, Millis.of(now)));
    long full = result.count(EnqueueStatus.QUEUE_FULL);
    if (full > 0) {
      LOG.warn("body queue of {} is full ({} tasks): {} of {} bodies not enqueued (queue_full)",
          database.file(), maxQueueSize, full, tasks.size());
    }
    return result;
  }

  @Override
  public List<ClaimedBody> claim(ClaimRequest request) {
    if (request.scope().isEmpty()) {
      return List.of();
    }
    Condition held = request.holdNamespacesWithPendingEvents()
        ? DSL.notExists(DSL.selectOne().from(EVENT_QUEUE)
            .where(QueueColumns.EVENTS.sameNamespaceAs(Q)))
        : DSL.trueCondition();
    return database.write("claiming bodies", dsl -> read(dsl,
        QueueQueries.lease(dsl, Q, request, held)));
  }

  private static List<ClaimedBody> read(DSLContext dsl, List<Long> ids) {
    List<ClaimedBody> claimed = new ArrayList<>(ids.size());
    for (List<Long> chunk : QueueQueries.chunks(ids)) {
      for (BodyQueueRow row : dsl.selectFrom(BODY_QUEUE).where(BODY_QUEUE.ID.in(chunk))
          .orderBy(Q.claimOrder()).fetch()) {
        BodyUploadTask task = new BodyUploadTask(row.getUploadId(), Q.namespaceOf(row),
            row.getArtifactPath(), row.getContentHash(), row.getContentBody(),
            row.getSizeBytes());
        claimed.add(new ClaimedBody(task, row.getRetryCount(),
            Millis.toInstant(row.getCreatedAt()),
            new Lease(row.getLeaseOwner(), Millis.toInstant(row.getLeaseUntil()))));
      }
    }
    return claimed;
  }

  @Override
  public boolean complete(ClaimedBody body) {
    return database.write("completing a body",
        dsl -> dsl.deleteFrom(BODY_QUEUE).where(fenced(body)).execute()) == 1;
  }

  @Override
  public List<ClaimedBody> completeAll(List<ClaimedBody> bodies) {
    if (bodies.isEmpty()) {
      return List.of();
    }
    return database.write("completing bodies", dsl -> {
      List<ClaimedBody> completed = new ArrayList<>(bodies.size());
      for (ClaimedBody body : bodies) {
        if (dsl.deleteFrom(BODY_QUEUE).where(fenced(body)).execute() == 1) {
          completed.add(body);
        }
      }
      return completed;
    });
  }

  @Override
  public boolean reschedule(ClaimedBody body, Instant nextAttemptAt, String lastError) {
    return database.write("rescheduling a body",
        dsl -> QueueQueries.reschedule(dsl, Q, fenced(body), nextAttemptAt, lastError)) == 1;
  }

  @Override
  public boolean release(ClaimedBody body) {
    return database.write("releasing a body",
        dsl -> QueueQueries.release(dsl, Q, fenced(body))) == 1;
  }

  @Override
  public boolean fail(ClaimedBody body, String reason, Instant now) {
    return database.write("moving a body to the failure records",
        dsl -> FailureRecordWriter.fromBody(dsl, fenced(body), reason, now));
  }

  @Override
  public long pending(ProjectScope scope) {
    return database.read("counting bodies", dsl -> QueueQueries.pending(dsl, Q, scope));
  }

  @Override
  public Optional<Instant> nextDue(ProjectScope scope) {
    return database.read("finding the next due body", dsl -> QueueQueries.nextDue(dsl, Q, scope));
  }

  @Override
  public SortedSet<String> projects() {
    return database.read("listing body projects", dsl -> QueueQueries.projects(dsl, Q));
  }

  private static Condition fenced(ClaimedBody body) {
    return BODY_QUEUE.UPLOAD_ID.eq(body.task().uploadId())
        .and(BODY_QUEUE.LEASE_OWNER.eq(body.lease().owner()));
  }
}
