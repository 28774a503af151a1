package io.dossiersync.sqlite.internal.sql;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a dialect keeps a body in {@code body_queue.content_body} (and a payload in {@code
 * failure_record.payload}): the one runtime difference between the stores' rows, chosen with the
 * statements ({@link SqlSession#bodyColumn()}). A body is any valid UTF-8 (PRODUCT.md §2), U+0000
 * included, which PostgreSQL {@code text} cannot hold: there the column is {@code bytea} holding
 * the body's UTF-8 bytes, on SQLite it stays {@code TEXT}. Either way the body reads back char for
 * char, so its content hash still holds. Immutable.
 */
public enum BodyColumn {

  /** SQLite: the body is bound and read as a string ({@code TEXT} keeps U+0000). */
  TEXT {
    @Override
    public Object bind(String body) {
      return body;
    }

    @Override
    public String read(ResultSet rs, int column) throws SQLException {
      return rs.getString(column);
    }
  },

  /** PostgreSQL: the body is bound and read as its UTF-8 bytes ({@code bytea}). */
  UTF8_BYTES {
    @Override
    public Object bind(String body) {
      return body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String read(ResultSet rs, int column) throws SQLException {
      return new String(rs.getBytes(column), StandardCharsets.UTF_8);
    }
  };

  /**
   * The value to bind for a body.
   *
   * @param body the body
   * @return what the statement takes for the body's placeholder
   */
  public abstract Object bind(String body);

  /**
   * Reads a body column of the current row.
   *
   * @param rs a result, on a row
   * @param column the index of a non-null body column
   * @return the body, as it was bound
   * @throws SQLException when the column cannot be read
   */
  public abstract String read(ResultSet rs, int column) throws SQLException;
}
