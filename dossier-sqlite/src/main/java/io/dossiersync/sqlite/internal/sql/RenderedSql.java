package io.dossiersync.sqlite.internal.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The statements of one dialect as the build rendered them, read from this jar without touching
 * jOOQ: the resource {@code <dialect>.sql} next to this class holds one line per statement, {@code
 * NAME<TAB>value indexes<TAB>text}, the indexes mapping each {@code ?} of the text to a value of
 * {@link Sql#params()}. Immutable and thread-safe; each dialect is read once per JVM.
 */
final class RenderedSql {

  /** The resource name of a dialect's statements, relative to this class. */
  static final String SQLITE = "sqlite.sql";

  /** The resource name of the PostgreSQL statements. */
  static final String POSTGRES = "postgres.sql";

  /** One statement: its text and, per placeholder, the index of the value it takes. */
  record Text(String sql, int[] binds) {}

  private final Map<Sql, Text> texts;
  private final BodyColumn bodyColumn;

  private RenderedSql(Map<Sql, Text> texts, BodyColumn bodyColumn) {
    this.texts = texts;
    this.bodyColumn = bodyColumn;
  }

  /**
   * The statements of a connection's dialect.
   *
   * @param connection an open connection
   * @return PostgreSQL's for a PostgreSQL driver connection, else SQLite's
   */
  static RenderedSql of(java.sql.Connection connection) {
    return connection.getClass().getName().startsWith("org.postgresql.") ? postgres() : sqlite();
  }

  /** The SQLite statements, read on first use. */
  static RenderedSql sqlite() {
    return SqliteHolder.INSTANCE;
  }

  /** The PostgreSQL statements, read on first use. */
  static RenderedSql postgres() {
    return PostgresHolder.INSTANCE;
  }

  Text text(Sql sql) {
    return texts.get(sql);
  }

  /** How these statements bind and read a body (the schema of their dialect). */
  BodyColumn bodyColumn() {
    return bodyColumn;
  }

  /**
   * Parses a dialect's resource; every statement of {@link Sql} must be there.
   *
   * @param resource the resource name, relative to this class
   * @param bodyColumn how the dialect's schema keeps a body
   * @return the statements
   * @throws IllegalStateException when the resource is missing or incomplete (a broken build)
   */
  static RenderedSql load(String resource, BodyColumn bodyColumn) {
    Map<Sql, Text> texts = new EnumMap<>(Sql.class);
    try (InputStream in = RenderedSql.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "rendered SQL "
                + resource
                + " is missing from the jar;"
                + " rebuild dossier-sqlite (process-classes renders it)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] parts = line.split("\t", 3);
        texts.put(Sql.valueOf(parts[0]), new Text(parts[2], indexes(parts[1])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading rendered SQL " + resource, e);
    }
    for (Sql sql : Sql.values()) {
      if (!texts.containsKey(sql)) {
        throw new IllegalStateException(
            "rendered SQL " + resource + " lacks " + sql + "; rebuild dossier-sqlite");
      }
    }
    return new RenderedSql(texts, bodyColumn);
  }

  /**
   * The line that {@link #load} reads back for one statement.
   *
   * @param sql the statement
   * @param text its rendered text and value indexes
   * @return {@code NAME<TAB>indexes<TAB>text}
   */
  static String line(Sql sql, Text text) {
    StringBuilder indexes = new StringBuilder();
    for (int i : text.binds()) {
      indexes.append(indexes.length() == 0 ? "" : ",").append(i);
    }
    return sql.name() + '\t' + indexes + '\t' + text.sql();
  }

  private static int[] indexes(String list) {
    if (list.isEmpty()) {
      return new int[0];
    }
    String[] parts = list.split(",");
    int[] indexes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      indexes[i] = Integer.parseInt(parts[i]);
    }
    return indexes;
  }

  private static final class SqliteHolder {
    static final RenderedSql INSTANCE = load(SQLITE, BodyColumn.TEXT);
  }

  private static final class PostgresHolder {
    static final RenderedSql INSTANCE = load(POSTGRES, BodyColumn.UTF8_BYTES);
  }
}
