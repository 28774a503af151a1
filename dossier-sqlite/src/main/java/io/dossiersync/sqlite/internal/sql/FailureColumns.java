package io.dossiersync.sqlite.internal.sql;

import static io.dossiersync.sqlite.internal.jooq.Tables.FAILURE_RECORD;

import io.dossiersync.sqlite.internal.jooq.tables.FailureRecordTable;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The column groups of the failure records that their statements list again and again: the
 * namespace, and the namespace with the artifact's path and hash (build time only). Stateless.
 */
final class FailureColumns {

  /** The five namespace columns, in the order of the queues' {@link QueueColumns#namespace()}. */
  static final List<Field<String>> NAMESPACE = namespace(FAILURE_RECORD);

  /** The namespace, then the artifact's path and content hash. */
  static final List<Field<?>> ARTIFACT = artifact(FAILURE_RECORD);

  /** Which task failed: the record's kind, the task's id and its {@link #ARTIFACT} columns. */
  static final List<Field<?>> TASK =
      FieldList.of(FAILURE_RECORD.KIND, FAILURE_RECORD.TASK_ID, ARTIFACT);

  /** How a task failed: the reason, the attempts and the first and last failure times. */
  static final List<Field<?>> OUTCOME =
      List.of(
          FAILURE_RECORD.REASON,
          FAILURE_RECORD.ATTEMPTS,
          FAILURE_RECORD.FIRST_FAILED_AT,
          FAILURE_RECORD.LAST_FAILED_AT);

  private FailureColumns() {}

  /**
   * The {@link #OUTCOME} of a queue row failing at {@code now} for {@code reason}: one more
   * attempt, the row's first failure time if it has one.
   */
  static List<Field<?>> outcomeOf(QueueColumns q) {
    Field<Long> at = Values.number("now");
    return List.of(
        Values.text("reason"),
        q.retryCount().plus(DSL.inline(1)),
        DSL.coalesce(q.firstFailedAt(), at),
        at);
  }

  static List<Field<String>> namespace(FailureRecordTable t) {
    return List.of(
        t.PROJECT_UUID, t.FEATURE_SLUG, t.TARGET_BRANCH, t.MISSION_KEY, t.MANIFEST_VERSION);
  }

  static List<Field<?>> artifact(FailureRecordTable t) {
    return FieldList.of(namespace(t), t.ARTIFACT_PATH, t.CONTENT_HASH);
  }

  /** Rows of {@code a} whose namespace, path and hash are those of {@code b}'s row. */
  static Condition sameArtifact(FailureRecordTable a, FailureRecordTable b) {
    List<Field<?>> left = artifact(a);
    List<Field<?>> right = artifact(b);
    Condition same = DSL.noCondition();
    for (int i = 0; i < left.size(); i++) {
      @SuppressWarnings("unchecked")
      Field<Object> l = (Field<Object>) left.get(i);
      same = same.and(l.eq(right.get(i)));
    }
    return same;
  }
}
