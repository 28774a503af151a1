package io.dossiersync.sqlite.internal.sql;

import static io.dossiersync.sqlite.internal.jooq.Tables.EVENT_QUEUE;
import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.core.queue.FailureKind;
import java.util.List;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/** The statements of the event queue alone (build time only). Immutable. */
final class EventStatements {

  /** The event and its retry columns, in the order a claim reads and an insert writes them. */
  private static final List<Field<?>> EVENT =
      FieldList.of(
          EVENT_QUEUE.EVENT_ID,
          EVENT_QUEUE.EVENT_TYPE,
          EVENT_QUEUE.AGGREGATE_ID,
          QueueColumns.EVENTS.namespace(),
          EVENT_QUEUE.COALESCE_KEY,
          EVENT_QUEUE.PAYLOAD,
          EVENT_QUEUE.CREATED_AT,
          EVENT_QUEUE.RETRY_COUNT,
          EVENT_QUEUE.NEXT_ATTEMPT_AT);

  /** What an event claim reads back: the row id, then the event, its retries and claim order. */
  static final List<Field<?>> CLAIMED = FieldList.of(EVENT_QUEUE.ID, EVENT);

  /** The columns a new row is given (by an enqueue or a re-queued failure record), in order. */
  static final List<Field<?>> INSERTED =
      FieldList.of(EVENT, EVENT_QUEUE.LEASE_OWNER, EVENT_QUEUE.LEASE_UNTIL, EVENT_QUEUE.CLAIMED_AT);

  private final DialectRules rules;
  private final QueueStatements queue;

  EventStatements(DialectRules rules) {
    this.rules = rules;
    this.queue = new QueueStatements(QueueColumns.EVENTS, rules);
  }

  QueueStatements queue() {
    return queue;
  }

  Query claim(boolean inProjects) {
    return queue.claim(inProjects, q -> DSL.noCondition(), CLAIMED);
  }

  /**
   * Copies the fenced event into the failure records; the record's artifact path and hash come from
   * the payload's {@code relative_path} and {@code content_hash_sha256}, if any.
   */
  Query fail() {
    return DSL.insertInto(FAILURE_RECORD)
        .columns(
            FieldList.of(
                FailureColumns.TASK,
                FAILURE_RECORD.EVENT_TYPE,
                FAILURE_RECORD.AGGREGATE_ID,
                FAILURE_RECORD.COALESCE_KEY,
                FAILURE_RECORD.PAYLOAD,
                FailureColumns.OUTCOME))
        .select(
            DSL.select(
                    FieldList.of(
                        DSL.inline(FailureKind.EVENT.wireName()),
                        EVENT_QUEUE.EVENT_ID,
                        QueueColumns.EVENTS.namespace(),
                        rules.jsonText(EVENT_QUEUE.PAYLOAD, "payload", "relative_path"),
                        rules.jsonText(EVENT_QUEUE.PAYLOAD, "payload", "content_hash_sha256"),
                        EVENT_QUEUE.EVENT_TYPE,
                        EVENT_QUEUE.AGGREGATE_ID,
                        EVENT_QUEUE.COALESCE_KEY,
                        rules.payloadOf(EVENT_QUEUE.PAYLOAD),
                        FailureColumns.outcomeOf(QueueColumns.EVENTS)))
                .from(EVENT_QUEUE)
                .where(queue.fenced()));
  }

  /** Which of the event ids {@code eventIds} are pending. */
  ResultQuery<?> pendingEventIds() {
    return DSL.select(EVENT_QUEUE.EVENT_ID)
        .from(EVENT_QUEUE)
        .where(rules.inList(EVENT_QUEUE.EVENT_ID, "eventIds"));
  }

  /** The pending rows (ids only) of the coalesce keys {@code keys}. */
  ResultQuery<?> pendingCoalesced() {
    return DSL.select(EVENT_QUEUE.ID, EVENT_QUEUE.EVENT_ID, EVENT_QUEUE.COALESCE_KEY)
        .from(EVENT_QUEUE)
        .where(rules.inList(EVENT_QUEUE.COALESCE_KEY, "keys"));
  }

  /** A new row, with the no-lease values of {@link LeaseColumns}. */
  Query insert() {
    Field<Long> now = Values.number("now");
    return DSL.insertInto(EVENT_QUEUE)
        .columns(INSERTED)
        .values(
            FieldList.of(
                Values.text("eventId"),
                Values.text("type"),
                Values.text("aggregate"),
                Values.namespace(),
                Values.text("coalesceKey"),
                Values.text("payload"),
                QueueColumns.newRowAt(now)));
  }
}
