package io.dossiersync.sqlite.internal.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Renders every authored statement for a dialect into the constant text the runtime reads ({@link
 * RenderedSql}). The build runs {@link #main} in {@code process-classes}; a test renders again and
 * compares with what the jar ships. Stateless.
 */
public final class StatementRenderer {

  /** A named value as jOOQ renders it with named parameters; {@code ::} casts do not match. */
  private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");

  private StatementRenderer() {}

  /**
   * Writes {@code sqlite.sql} and {@code postgres.sql} into a directory.
   *
   * @param args the output directory (the package's directory under {@code target/classes})
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: StatementRenderer <output directory>");
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    write(dir.resolve(RenderedSql.SQLITE), DialectRules.SQLITE);
    write(dir.resolve(RenderedSql.POSTGRES), DialectRules.POSTGRES);
  }

  private static void write(Path file, DialectRules rules) throws IOException {
    List<String> lines = new ArrayList<>();
    render(rules).forEach((sql, text) -> lines.add(RenderedSql.line(sql, text)));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /**
   * Renders every statement for one dialect.
   *
   * @param rules the dialect
   * @return each statement's text, with a value index per placeholder
   * @throws IllegalStateException when a statement has a value that {@link Sql#params()} does not
   *     name, or names one it does not use
   */
  static Map<Sql, RenderedSql.Text> render(DialectRules rules) {
    DSLContext ctx =
        DSL.using(
            rules.dialect(),
            new Settings()
                .withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    AuthoredStatements authored = new AuthoredStatements(rules);
    Map<Sql, RenderedSql.Text> texts = new EnumMap<>(Sql.class);
    for (Sql sql : Sql.values()) {
      QueryPart query = authored.of(sql);
      texts.put(sql, indexed(sql, ctx.renderNamedParams(query), ctx.render(query)));
    }
    return texts;
  }

  /** Turns the named rendering into the indexed one, checking both agree. */
  private static RenderedSql.Text indexed(Sql sql, String named, String indexed) {
    Matcher m = NAMED.matcher(named);
    StringBuilder text = new StringBuilder();
    List<Integer> binds = new ArrayList<>();
    while (m.find()) {
      int index = sql.params().indexOf(m.group(1));
      if (index < 0) {
        throw new IllegalStateException(
            sql + " uses value :" + m.group(1) + ", not among " + sql.params());
      }
      binds.add(index);
      m.appendReplacement(text, "?");
    }
    m.appendTail(text);
    if (!text.toString().equals(indexed)) {
      throw new IllegalStateException(
          sql + ": named and indexed renderings differ:\n" + text + "\n" + indexed);
    }
    for (int i = 0; i < sql.params().size(); i++) {
      if (!binds.contains(i)) {
        throw new IllegalStateException(sql + " never uses value " + sql.params().get(i));
      }
    }
    return new RenderedSql.Text(indexed, binds.stream().mapToInt(Integer::intValue).toArray());
  }
}
