package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Control characters in table cells are shown escaped, never sent to the terminal raw. */
class TableEscapeTest {

  private static String print(Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTerminalEscapeInACellIsShownAsBackslashU() {
    String out = print(new Table("PATH", "STATUS").row("research/red\u001b[31m.md", "skipped"));

    assertThat(out).doesNotContain("\u001b").contains("research/red\\u001b[31m.md  skipped");
  }

  @Test
  void newlinesTabsDelAndC1ControlsAreEscapedAndColumnsStayAligned() {
    String out = print(new Table("A", "B").row("x\ny\tz\u007f\u009b", "b"));

    assertThat(out.lines()).hasSize(2);
    assertThat(out).contains("x\\u000ay\\u0009z\\u007f\\u009b  b");
  }

  @Test
  void aBackslashUInTheTextIsDoubledSoEscapesStayUnambiguous() {
    assertThat(Table.escape("a\\u001b.md")).isEqualTo("a\\\\u001b.md");
    assertThat(Table.escape("a\\b.md")).isEqualTo("a\\b.md");
    assertThat(Table.escape("plain")).isSameAs("plain");
  }
}
