package io.dossiersync.sqlite.internal.sql;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectForUpdateStep;
import org.jooq.impl.DSL;

/**
 * Every difference between the dialects the statements are rendered for, in one place (the idea of
 * db-scheduler's {@code PostgreSqlJdbcCustomization}); everything else jOOQ renders per dialect by
 * itself. Build time only. Immutable.
 */
abstract class DialectRules {

  /** SQLite 3.35+: {@code json_each}, {@code json_extract}; the write lock serializes claims. */
  static final DialectRules SQLITE =
      new DialectRules(SQLDialect.SQLITE) {
        @Override
        <T> Condition inList(Field<T> field, String name) {
          return field.in(
              DSL.select(DSL.field(DSL.name("value"), field.getType()))
                  .from(DSL.table("json_each({0})", Values.text(name))));
        }

        @Override
        <R extends org.jooq.Record> Select<R> claimable(SelectForUpdateStep<R> rows) {
          return rows;
        }

        @Override
        Field<String> jsonText(Field<String> json, String parent, String member) {
          Field<String> value =
              DSL.field(
                  "json_extract({0}, {1})",
                  String.class, json, DSL.inline("$." + parent + "." + member));
          return DSL.when(DSL.condition("json_valid({0})", json), value)
              .otherwise(DSL.castNull(String.class));
        }

        @Override
        BodyColumn bodyColumn() {
          return BodyColumn.TEXT;
        }

        @Override
        Field<String> payloadOf(Field<String> text) {
          return text;
        }

        @Override
        Field<String> textOf(Field<String> payload) {
          return payload;
        }
      };

  /**
   * PostgreSQL: {@code json_array_elements_text}, {@code FOR UPDATE SKIP LOCKED}, the schema's
   * {@code json_member_text} function (NULL for malformed JSON, where a cast would fail), and
   * bodies and failure payloads in {@code bytea} columns (schema version 3: {@code text} cannot
   * hold U+0000), an event's text payload converted to and from UTF-8 on its way through the
   * failure records.
   */
  static final DialectRules POSTGRES =
      new DialectRules(SQLDialect.POSTGRES) {
        @Override
        <T> Condition inList(Field<T> field, String name) {
          return field.in(
              DSL.select(DSL.field(DSL.name("value"), String.class).cast(field.getType()))
                  .from(
                      DSL.table("json_array_elements_text(cast({0} as json))", Values.text(name))));
        }

        @Override
        <R extends org.jooq.Record> Select<R> claimable(SelectForUpdateStep<R> rows) {
          return rows.forUpdate().skipLocked();
        }

        @Override
        Field<String> jsonText(Field<String> json, String parent, String member) {
          return DSL.field(
              "json_member_text({0}, {1}, {2})",
              String.class, json, DSL.inline(parent), DSL.inline(member));
        }

        @Override
        BodyColumn bodyColumn() {
          return BodyColumn.UTF8_BYTES;
        }

        @Override
        Field<String> payloadOf(Field<String> text) {
          return DSL.field("convert_to({0}, 'UTF8')", String.class, text);
        }

        @Override
        Field<String> textOf(Field<String> payload) {
          return DSL.field("convert_from({0}, 'UTF8')", String.class, payload);
        }
      };

  private final SQLDialect dialect;

  private DialectRules(SQLDialect dialect) {
    this.dialect = dialect;
  }

  SQLDialect dialect() {
    return dialect;
  }

  /** {@code field IN (the values of the JSON array bound as value {@code name})}. */
  abstract <T> Condition inList(Field<T> field, String name);

  /** The sub-select of a claim, locked as the dialect needs to keep two claims apart. */
  abstract <R extends org.jooq.Record> Select<R> claimable(SelectForUpdateStep<R> rows);

  /** The text of {@code json.parent.member}, NULL when absent or when {@code json} is malformed. */
  abstract Field<String> jsonText(Field<String> json, String parent, String member);

  /**
   * How the statements bind and read {@code body_queue.content_body} at run time ({@link
   * RenderedSql} pairs each dialect's text with the same one).
   */
  abstract BodyColumn bodyColumn();

  /**
   * A text column (an event's payload) as {@code failure_record.payload} keeps it: the column holds
   * bodies too, so it is kept like {@code content_body} ({@link #bodyColumn()}).
   */
  abstract Field<String> payloadOf(Field<String> text);

  /** A failure record's payload as the text an event's payload column takes. */
  abstract Field<String> textOf(Field<String> payload);
}
