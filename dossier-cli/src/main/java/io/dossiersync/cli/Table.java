package io.dossiersync.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain aligned text table: a header row, then one row per item, columns padded to width. A
 * cell's control characters (C0, DEL, C1: e.g. the ESC of a terminal escape in a file name) are
 * shown as <code>&#92;uXXXX</code> (ESC is <code>&#92;u001b</code>), and a backslash followed by
 * {@code u} in the text is doubled, so a name cannot drive the terminal and every escape in the
 * table stands for a control character; {@code --json} output carries the exact text.
 */
final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "a row needs " + header.size() + " cells, got " + cells.length);
    }
    List<String> escaped = new ArrayList<>(cells.length);
    for (String cell : cells) {
      escaped.add(escape(cell));
    }
    rows.add(List.copyOf(escaped));
    return this;
  }

  /**
   * A cell as it is printed: control characters as <code>&#92;uXXXX</code>; a backslash followed by
   * {@code u} doubled, so that an escape in the output always stands for a control character.
   */
  static String escape(String cell) {
    StringBuilder out = null;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      boolean control = Character.isISOControl(c);
      boolean lookalike = c == '\\' && i + 1 < cell.length() && cell.charAt(i + 1) == 'u';
      if (out == null && (control || lookalike)) {
        out = new StringBuilder(cell.length() + 8).append(cell, 0, i);
      }
      if (out == null) {
        continue;
      }
      if (control) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (lookalike) {
        out.append("\\\\");
      } else {
        out.append(c);
      }
    }
    return out == null ? cell : out.toString();
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintStream out) {
    int[] widths = new int[header.size()];
    measure(header, widths);
    rows.forEach(row -> measure(row, widths));
    printRow(out, header, widths);
    rows.forEach(row -> printRow(out, row, widths));
  }

  private static void measure(List<String> row, int[] widths) {
    for (int i = 0; i < row.size(); i++) {
      widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
    }
  }

  private static void printRow(PrintStream out, List<String> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      String cell = row.get(i);
      line.append(cell);
      if (i < row.size() - 1) {
        int pad = widths[i] - cell.codePointCount(0, cell.length()) + 2;
        line.append(" ".repeat(pad));
      }
    }
    out.println(line.toString().stripTrailing());
  }
}
