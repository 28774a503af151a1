package io.dossiersync.sqlite.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.sqlite.SqliteQueueStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The one SQL rule: the text the jar ships is what jOOQ renders from the authored statements now
 * (nobody edits it by hand), every statement prepares against a freshly migrated file, and the
 * statements of the hot paths use an index.
 */
class RenderedSqlTest {

  @TempDir Path dir;

  @Test
  void theShippedSqliteTextIsWhatJooqRendersNow() throws IOException {
    assertThat(shipped(RenderedSql.SQLITE)).isEqualTo(renderedNow(DialectRules.SQLITE));
  }

  @Test
  void theShippedPostgresTextIsWhatJooqRendersNow() throws IOException {
    assertThat(shipped("postgres.sql")).isEqualTo(renderedNow(DialectRules.POSTGRES));
  }

  @Test
  void eachDialectsTextBindsBodiesAsItsRulesSay() {
    assertThat(RenderedSql.sqlite().bodyColumn())
        .isEqualTo(DialectRules.SQLITE.bodyColumn())
        .isEqualTo(BodyColumn.TEXT);
    assertThat(RenderedSql.postgres().bodyColumn())
        .isEqualTo(DialectRules.POSTGRES.bodyColumn())
        .isEqualTo(BodyColumn.UTF8_BYTES);
  }

  @Test
  void everyStatementPreparesAgainstAFreshlyMigratedFile() throws SQLException {
    Path file = dir.resolve("queue.db");
    SqliteQueueStore.builder().path(file).build().close();
    RenderedSql sqlite = RenderedSql.sqlite();
    List<Sql> prepared = new ArrayList<>();
    try (Connection c = open(file)) {
      for (Sql sql : Sql.values()) {
        try (PreparedStatement statement = c.prepareStatement(sqlite.text(sql).sql())) {
          assertThat(statement.getParameterMetaData().getParameterCount())
              .as("placeholders of %s", sql)
              .isEqualTo(sqlite.text(sql).binds().length);
          prepared.add(sql);
        }
      }
    }
    assertThat(prepared).containsExactly(Sql.values());
  }

  @Test
  void theHotStatementsSearchAnIndexInsteadOfScanningTheQueue() throws SQLException {
    Path file = dir.resolve("queue.db");
    SqliteQueueStore.builder().path(file).build().close();
    try (Connection c = open(file)) {
      for (Sql sql :
          List.of(
              Sql.BODY_COMPLETE,
              Sql.EVENT_COMPLETE,
              Sql.BODY_DELETE_IDS,
              Sql.BODY_PENDING_PATHS,
              Sql.EVENT_PENDING_EVENT_IDS,
              Sql.BODY_CLAIM_IN,
              Sql.BODY_RESCHEDULE)) {
        assertThat(plan(c, sql))
            .as("plan of %s", sql)
            .noneMatch(step -> step.matches("SCAN (body_queue|event_queue)\\b.*"));
      }
    }
  }

  @Test
  void aSessionBindsListsAsOneJsonValueAndKeepsItsStatements() throws SQLException {
    Path file = dir.resolve("queue.db");
    SqliteQueueStore.builder().path(file).build().close();
    try (Connection c = open(file)) {
      SqlSession session = SqlSession.on(c);
      assertThat(SqlSession.on(c)).isSameAs(session);
      assertThat(session.number(Sql.BODY_PENDING_IN, Set.of("a", "b\"quoted\\"))).contains(0L);
      assertThat(session.list(Sql.FAILURE_ROWS, rs -> rs.getLong(1), List.of(1L, 2L))).isEmpty();
      assertThatThrownBy(() -> session.number(Sql.BODY_PENDING_IN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[projects]");
    }
  }

  @Test
  void jsonListsEscapeQuotesBackslashesAndControlCharacters() {
    assertThat(JsonList.of(List.of("a\"b", "c\\d", "e\nf", 7L)))
        .isEqualTo("[\"a\\\"b\",\"c\\\\d\",\"e\\u000af\",7]");
    assertThat(JsonList.of(List.of())).isEqualTo("[]");
    assertThatThrownBy(() -> JsonList.of(List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingRenderingIsReportedAsABrokenBuild() {
    assertThatThrownBy(() -> RenderedSql.load("missing.sql", BodyColumn.TEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rebuild dossier-sqlite");
  }

  private static List<String> plan(Connection c, Sql sql) throws SQLException {
    List<String> steps = new ArrayList<>();
    try (PreparedStatement statement =
        c.prepareStatement("EXPLAIN QUERY PLAN " + RenderedSql.sqlite().text(sql).sql())) {
      int[] binds = RenderedSql.sqlite().text(sql).binds();
      for (int i = 1; i <= binds.length; i++) {
        statement.setString(i, "[]");
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString("detail"));
        }
      }
    }
    return steps;
  }

  private static List<String> renderedNow(DialectRules rules) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<Sql, RenderedSql.Text> e : StatementRenderer.render(rules).entrySet()) {
      lines.add(RenderedSql.line(e.getKey(), e.getValue()));
    }
    return lines;
  }

  private static List<String> shipped(String resource) throws IOException {
    try (InputStream in = RenderedSql.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource + " in the jar").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static Connection open(Path file) throws SQLException {
    return new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }
}
